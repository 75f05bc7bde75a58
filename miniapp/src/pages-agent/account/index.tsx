import { useRouter } from '@tarojs/taro'
import { AccountNo } from '@gh/shared'
import { useQuery } from '../../hooks/use-query'
import { AgentPage, AgentQueryShell } from '../workbench/agent-shell'
import { getAccount } from '../workbench/api'
import { AccountState } from './parts/account-state'
import { ProxyForm } from './parts/proxy-form'
import { TaskForm } from './parts/task-form'
import '../workbench/workbench.scss'

function AccountBody({ accountNo }: { accountNo: string }) {
  const { state, retry } = useQuery(['agent', 'account', accountNo], () => getAccount(accountNo))
  return (
    <AgentQueryShell state={state} onRetry={retry} what="户号信息">
      {(view) => (
        <>
          <AccountState view={view} />
          <TaskForm accountNo={view.account.accountNo} />
          <ProxyForm accountNo={view.account.accountNo} />
        </>
      )}
    </AgentQueryShell>
  )
}

/** One account for the agent (`?accountNo=`): its state, then a task or 代办 to send. */
export default function AgentAccountPage() {
  const { params } = useRouter()
  const parsed = AccountNo.safeParse(params.accountNo)
  return (
    <AgentPage title="户号详情" subtitle="居民信息已打码" nav="home">
      {parsed.success ? (
        <AccountBody accountNo={parsed.data} />
      ) : (
        <AgentQueryShell
          state={{ status: 'success', data: null }}
          onRetry={() => undefined}
          isEmpty={() => true}
          emptyTitle="没有指定户号"
          emptyHint="请回到“查户号”重新查找。"
        >
          {() => null}
        </AgentQueryShell>
      )}
    </AgentPage>
  )
}
