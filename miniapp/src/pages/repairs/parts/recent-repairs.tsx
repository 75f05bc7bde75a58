import { View } from '@tarojs/components'
import { useEffect } from 'react'
import type { Repair } from '@gh/shared'
import icon from '../../../assets/tab/repairs-active.png'
import { ActionButton } from '../../../components/action-button'
import { PageShell } from '../../../components/page-shell'
import { useQuery } from '../../../hooks/use-query'
import { openPage } from '../../../navigation/pages'
import { listRepairs, repairKeys } from '../../../repairs/api'
import { detailUrl, listUrl } from '../../../repairs/links'
import { RepairRow } from '../../../repairs/view/repair-row'

const SHOWN = 3

/** The account's newest reports (asked again whenever the tab shows) and the way to all. */
export function RecentRepairs(props: {
  accountNo: string
  onShown: (repairs: readonly Repair[]) => void
}) {
  const { accountNo, onShown } = props
  const { state, retry } = useQuery(repairKeys.list(accountNo), () => listRepairs(accountNo))
  const shown = state.status === 'success' ? state.data : undefined
  useEffect(() => {
    if (shown) onShown(shown)
  }, [shown, onShown])
  return (
    <PageShell
      state={state}
      onRetry={retry}
      what="报修记录"
      isEmpty={(repairs) => repairs.length === 0}
      emptyIcon={icon}
      emptyTitle="暂无报修记录"
      emptyHint="报修后，处理进度会显示在这里"
    >
      {(repairs) => (
        <>
          {repairs.slice(0, SHOWN).map((repair) => (
            <RepairRow
              key={repair.repairNo}
              repair={repair}
              onOpen={() => openPage(detailUrl(repair))}
            />
          ))}
          <View className="repairs-page__more">
            <ActionButton variant="secondary" onClick={() => openPage(listUrl(accountNo))}>
              全部报修记录（{repairs.length}）
            </ActionButton>
          </View>
        </>
      )}
    </PageShell>
  )
}
