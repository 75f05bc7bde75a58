import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Repair, RepairKind } from '@gh/shared'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountSwitcher } from '../../account/account-switcher'
import { useCurrentAccount } from '../../account/current-account'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { openPage, pages } from '../../navigation/pages'
import { shareCards } from '../../navigation/share'
import { hasContent, repairDrafts, type RepairDraft } from '../../repairs/draft'
import { isUrgentRepairKind } from '../../repairs/kinds'
import { reportUrl, safetyUrl } from '../../repairs/links'
import { DraftCard } from './parts/draft-card'
import { KindGrid } from './parts/kind-grid'
import { RecentRepairs } from './parts/recent-repairs'
import { repairsSpeech } from './speech'
import '../../repairs/view/index.scss'
import './index.scss'

/** The unsent report of an account, read again whenever the tab shows (the form saves it). */
function useDraft(accountNo: string | undefined) {
  const [draft, setDraft] = useState<RepairDraft | undefined>(undefined)
  const reload = useCallback(
    () => setDraft(accountNo ? repairDrafts.load(accountNo) : undefined),
    [accountNo],
  )
  useDidShow(reload)
  useEffect(reload, [reload])
  return { draft: hasContent(draft) ? draft : undefined, reload }
}

/**
 * 报修: the fault kinds first (a leak or a CO alarm opens the safety screen before any form),
 * an unsent report to continue, and the account's reports with their progress.
 */
export default function RepairsPage() {
  const loggedIn = useLoggedIn()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const { state, current, select } = accounts
  const accountNo = loggedIn ? current?.accountNo : undefined
  const { draft, reload } = useDraft(accountNo)
  const shownRepairs = useRef<{ accountNo: string; repairs: readonly Repair[] }>()
  const onShown = useCallback(
    (repairs: readonly Repair[]) => {
      if (accountNo) shownRepairs.current = { accountNo, repairs }
    },
    [accountNo],
  )

  const choose = (kind: RepairKind) =>
    openPage(isUrgentRepairKind(kind) ? safetyUrl(kind) : reportUrl(kind, accountNo))

  const speech = () =>
    repairsSpeech({
      loggedIn,
      draftKind: draft ? draft.kind : undefined,
      repairs:
        shownRepairs.current?.accountNo === accountNo ? shownRepairs.current?.repairs : undefined,
    })

  return (
    <PageRoot share={() => shareCards.repairs(accountNo)}>
      <PageHeading title="报修" subtitle="请选择故障类型。闻到燃气味，请先看安全提示" />
      <ReadAloudBar what="故障类型和报修进度" text={speech} />
      <KindGrid onChoose={choose} />
      <Text className="section-title">我的报修</Text>
      <PageShell
        state={state}
        onRetry={accounts.reload}
        requireLogin
        loginHint="登录后可以报修，并随时查看处理进度"
        what="户号"
      >
        {(bound) =>
          current ? (
            <>
              {bound.length > 1 ? (
                <AccountSwitcher accounts={bound} current={current} onSelect={select} />
              ) : null}
              {draft ? (
                <DraftCard
                  draft={draft}
                  onContinue={() => openPage(reportUrl(draft.kind ?? undefined, current.accountNo))}
                  onDiscard={() => {
                    repairDrafts.clear(current.accountNo, draft.key)
                    reload()
                  }}
                />
              ) : null}
              <RecentRepairs
                key={current.accountNo}
                accountNo={current.accountNo}
                onShown={onShown}
              />
            </>
          ) : (
            <View className="card">
              <Text className="card__title">还没有绑定户号</Text>
              <Text className="card__text">绑定户号后可以报修，并查看处理进度。</Text>
              <View className="repairs-page__more">
                <ActionButton main onClick={() => openPage(pages.bind)}>
                  去绑定户号
                </ActionButton>
              </View>
            </View>
          )
        }
      </PageShell>
    </PageRoot>
  )
}
