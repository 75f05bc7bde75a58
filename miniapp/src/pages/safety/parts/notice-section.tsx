import { Text, View } from '@tarojs/components'
import type { BoundAccount } from '@gh/shared'
import { AccountSwitcher } from '../../../account/account-switcher'
import { useCurrentAccount } from '../../../account/current-account'
import { useLoggedIn } from '../../../auth/session'
import { ActionButton } from '../../../components/action-button'
import { PageShell, RequireLogin } from '../../../components/page-shell'
import { ReadAloudBar } from '../../../components/read-aloud'
import { useQuery } from '../../../hooks/use-query'
import { openPage, pages } from '../../../navigation/pages'
import { listNotices } from '../api'
import { noticesSpeech } from '../speech'
import { NoticeCard } from './notice-card'

function AreaNotices({ areaCode }: { areaCode: string }) {
  const { state, retry } = useQuery(['public', 'notices', areaCode], () => listNotices(areaCode))
  return (
    <>
      <ReadAloudBar
        what="停气停暖通知"
        text={() => noticesSpeech(state.status === 'success' ? state.data : [])}
      />
      <PageShell
        state={state}
        onRetry={retry}
        what="停气停暖通知"
        isEmpty={(notices) => notices.length === 0}
        emptyTitle="目前没有停气、停暖安排"
        emptyHint="您家所在片区有计划停气或停暖时，会在这里提前通知。"
      >
        {(notices) => (
          <View>
            {notices.map((notice) => (
              <NoticeCard key={notice.noticeId} notice={notice} />
            ))}
          </View>
        )}
      </PageShell>
    </>
  )
}

function Prompt(props: { title: string; text: string; action: string; url: string }) {
  return (
    <View className="card safety-prompt">
      <Text className="card__title">{props.title}</Text>
      <Text className="card__text">{props.text}</Text>
      <View className="safety-prompt__action">
        <ActionButton main onClick={() => openPage(props.url)}>
          {props.action}
        </ActionButton>
      </View>
    </View>
  )
}

function AccountNotices() {
  const { state, current, select, reload } = useCurrentAccount()
  return (
    <PageShell state={state} onRetry={reload} what="户号">
      {(accounts: BoundAccount[]) => {
        if (!current) {
          return (
            <Prompt
              title="还没有绑定户号"
              text="绑定户号后，这里显示您家所在片区的停气、停暖通知。"
              action="绑定户号"
              url={pages.bind}
            />
          )
        }
        const area = current.summary?.areaCode
        return (
          <>
            <AccountSwitcher accounts={accounts} current={current} onSelect={select} />
            {area ? (
              <AreaNotices key={area} areaCode={area} />
            ) : (
              <View className="card">
                <Text className="card__title">暂时查不到户号所在片区</Text>
                <Text className="card__text">请稍后再来看，或拨打客服电话询问。</Text>
              </View>
            )}
          </>
        )
      }}
    </PageShell>
  )
}

/** 停气停暖通知 of the current account's area; notices are per area, so an account is needed. */
export function NoticeSection() {
  const loggedIn = useLoggedIn()
  return (
    <>
      {loggedIn ? null : <ReadAloudBar what="停气停暖通知" text={() => noticesSpeech(undefined)} />}
      <RequireLogin loginHint="通知按片区发布。登录并绑定户号后，这里显示您家所在片区的通知。">
        <AccountNotices />
      </RequireLogin>
    </>
  )
}
