import { useRouter } from '@tarojs/taro'
import { useLoggedIn } from '../../auth/session'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { RequireLogin } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { AcceptInvite } from './parts/accept-invite'
import { OwnerFamily } from './parts/owner-family'
import { joinFamilySpeech } from './speech'
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
      {loggedIn ? null : (
        <ReadAloudBar text={() => joinFamilySpeech({ loggedIn: false, codeFilled: false })} />
      )}
      <RequireLogin loginHint="登录后可以用邀请码添加家人的户号，或邀请家人">
        {accountNo ? (
          <OwnerFamily accountNo={accountNo} />
        ) : (
          <AcceptInvite initialCode={params.invite ?? ''} />
        )}
      </RequireLogin>
    </PageRoot>
  )
}
