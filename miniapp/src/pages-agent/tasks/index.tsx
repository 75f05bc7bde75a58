import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { AgentTask } from '@gh/shared'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { ChoiceChips } from '../../components/choice-chips'
import { useQuery } from '../../hooks/use-query'
import { AgentPage, AgentQueryShell } from '../workbench/agent-shell'
import { listTasks } from '../workbench/api'
import { taskKindLabels, taskProgress, taskStatusLabels } from '../workbench/labels'
import { accountPage, goTo } from '../workbench/pages'
import '../workbench/workbench.scss'

const filters = { 全部: 'all', 未完成: 'open' } as const
type FilterLabel = keyof typeof filters

function TaskItem({ task, first }: { task: AgentTask; first: boolean }) {
  return (
    <View
      className={`agent-item${first ? ' agent-first' : ''}`}
      onClick={() => goTo(accountPage(task.accountNo))}
      {...a11y(undefined, 'button')}
    >
      <Text className="agent-item__title">
        {taskKindLabels[task.kind]} · 户号 {task.accountNo}
      </Text>
      <Text className={`agent-status${task.status === 'done' ? ' agent-status--done' : ''}`}>
        {task.status === 'done' ? '✓ ' : ''}
        {taskStatusLabels[task.status]}
      </Text>
      <Text className="agent-item__line">{taskProgress(task)}</Text>
      {task.target ? <Text className="agent-item__line">编号 {task.target}</Text> : null}
    </View>
  )
}

/**
 * 我的任务: each task as 已发送 → 已打开 → 已完成 (or 已过期), asked again whenever the page
 * shows, on pull-down and on 刷新.
 */
export default function AgentTasksPage() {
  const [filter, setFilter] = useState<FilterLabel>('全部')
  const status = filters[filter]
  const { state, retry } = useQuery(['agent', 'tasks', status], () => listTasks(status))
  usePullDownRefresh(() => {
    retry()
    void Taro.stopPullDownRefresh()
  })
  return (
    <AgentPage title="我的任务" subtitle="居民打开、完成后状态会更新" nav="tasks">
      <View className="card">
        <ChoiceChips
          label="显示"
          choices={Object.keys(filters)}
          value={filter}
          onChange={(value) => setFilter(value === '未完成' ? '未完成' : '全部')}
        />
        <View className="agent-actions">
          <ActionButton variant="secondary" onClick={retry}>
            刷新
          </ActionButton>
        </View>
      </View>
      <AgentQueryShell
        state={state}
        onRetry={retry}
        what="任务"
        isEmpty={(data) => data.items.length === 0}
        emptyTitle={status === 'open' ? '没有未完成的任务' : '还没有发送过任务'}
        emptyHint="在“查户号”找到户号后，可以给居民发送任务。"
      >
        {(data) => (
          <View className="card" {...a11y('任务列表', 'list')}>
            {data.items.map((task, i) => (
              <View key={task.taskId} {...a11y(undefined, 'listitem')}>
                <TaskItem task={task} first={i === 0} />
              </View>
            ))}
          </View>
        )}
      </AgentQueryShell>
    </AgentPage>
  )
}
