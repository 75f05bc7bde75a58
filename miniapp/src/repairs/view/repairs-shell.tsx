import { useEffect } from 'react'
import type { ReactNode } from 'react'
import type { Repair } from '@gh/shared'
import icon from '../../assets/tab/repairs-active.png'
import { PageShell } from '../../components/page-shell'
import { useQuery } from '../../hooks/use-query'
import { listRepairs, repairKeys } from '../api'

export interface RepairsShellProps {
  accountNo: string
  /** Told the reports once they are shown, for the page's read-aloud text. */
  onShown: (repairs: readonly Repair[]) => void
  children: (repairs: Repair[]) => ReactNode
}

/**
 * An account's reports as the 报修 tab and 我的报修 show them: loading, the error with its retry,
 * and 暂无报修记录 when there are none. Asked again whenever the page shows: back from a report,
 * its state may have moved on.
 */
export function RepairsShell({ accountNo, onShown, children }: RepairsShellProps) {
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
      {children}
    </PageShell>
  )
}
