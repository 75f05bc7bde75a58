import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { AgentAuditRow } from '@gh/shared'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { ChoiceChips } from '../../components/choice-chips'
import { useAction } from '../../hooks/use-action'
import { useQuery } from '../../hooks/use-query'
import { AgentPage, AgentQueryShell } from '../workbench/agent-shell'
import { downloadAuditCsv, listAudit } from '../workbench/api'
import { auditActionLabel, shortTime } from '../workbench/labels'
import { saveCsv } from './export'
import { isPeriod, periodOf, periods, type PeriodLabel } from './period'
import '../workbench/workbench.scss'

function Row({ row }: { row: AgentAuditRow }) {
  return (
    <View className="agent-item" {...a11y(undefined, 'listitem')}>
      <Text className="agent-item__title">
        {row.loginName} · {auditActionLabel(row.action)}
      </Text>
      <Text className="agent-item__line">
        {shortTime(row.at)}
        {row.accountNo ? ` · 户号 ${row.accountNo}` : ''}
      </Text>
      {row.detail ? <Text className="agent-item__line">{row.detail}</Text> : null}
    </View>
  )
}

/** 审计记录 (主管): every agent action of a period, and the same rows as a CSV file. */
export default function AgentAuditPage() {
  const [label, setLabel] = useState<PeriodLabel>('近7天')
  // Fixed while the period is unchanged, so the query key (and its cache) stays the same.
  const period = useMemo(() => periodOf(label, new Date()), [label])
  const { state, retry } = useQuery(['agent', 'audit', period.from, period.to], () =>
    listAudit(period.from, period.to),
  )
  const exportCsv = useAction(async () => {
    const file = await downloadAuditCsv(period.from, period.to)
    await saveCsv(file, `工作台审计-${period.to.slice(0, 10)}.csv`)
  })
  return (
    <AgentPage title="审计记录" subtitle="所有工作人员的操作，只能查看，不能修改" nav="audit">
      <View className="card">
        <ChoiceChips
          label="时间范围"
          choices={Object.keys(periods)}
          value={label}
          onChange={(value) => setLabel(isPeriod(value) ? value : '近7天')}
        />
        <View className="agent-actions">
          <ActionButton variant="secondary" onClick={() => void exportCsv.run()}>
            {exportCsv.busy ? '正在导出…' : '导出CSV'}
          </ActionButton>
        </View>
      </View>
      <AgentQueryShell
        state={state}
        onRetry={retry}
        what="审计记录"
        isEmpty={(data) => data.items.length === 0}
        emptyTitle="这段时间没有记录"
      >
        {(data) => (
          <View className="card" {...a11y('审计记录列表', 'list')}>
            <Text className="card__text">共 {data.items.length} 条</Text>
            {data.items.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </View>
        )}
      </AgentQueryShell>
    </AgentPage>
  )
}
