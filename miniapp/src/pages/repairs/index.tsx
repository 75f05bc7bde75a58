import icon from '../../assets/tab/repairs-active.png'
import type { QueryState } from '../../hooks/use-query'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'

/** Repair reports arrive with the work-order feature; until then the list is empty. */
const noRepairsYet: QueryState<readonly never[]> = { status: 'success', data: [] }

export default function RepairsPage() {
  return (
    <PageRoot>
      <PageHeading title="报修" subtitle="燃气、暖气故障报修和进度" />
      <PageShell
        state={noRepairsYet}
        onRetry={() => undefined}
        requireLogin
        loginHint="登录后可以报修，并随时查看处理进度"
        isEmpty={(reports) => reports.length === 0}
        emptyIcon={icon}
        emptyTitle="暂无报修记录"
        emptyHint="报修后，处理进度会显示在这里"
      >
        {() => null}
      </PageShell>
    </PageRoot>
  )
}
