import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { ReadAloudBar } from '../../components/read-aloud'
import { openPage, pages } from '../../navigation/pages'
import { joinFamilySpeech } from '../../voice'
import { AcceptInvite } from './parts/accept-invite'
import { OwnerFamily } from './parts/owner-family'
import './index.scss'

/**
 * 亲情账户. `?accountNo=` is the owner's page for that account; otherwise (or with `?invite=`
 * from a shared link) it is where a family member enters the code.
 */
export default function FamilyPage() {
  const loggedIn = useLoggedIn()
  const { params } = useRouter()
  const accountNo =
    params.accountNo && /^\d{10}$/.test(params.accountNo) ? params.accountNo : undefined
  return (
    <PageRoot>
      <PageHeading title="家人" subtitle="亲情账户：家人之间互相帮忙交费、报修" />
      {!loggedIn ? (
        <>
          <ReadAloudBar text={() => joinFamilySpeech({ loggedIn: false, codeFilled: false })} />
          <View className="card">
            <ActionButton main onClick={() => openPage(pages.login)}>
              登录后继续
            </ActionButton>
          </View>
        </>
      ) : accountNo ? (
        <OwnerFamily accountNo={accountNo} />
      ) : (
        <AcceptInvite initialCode={params.invite ?? ''} />
      )}
    </PageRoot>
  )
}
