import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AgentAccountHit } from '@gh/shared'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { FormField } from '../../components/form-field'
import { useAction } from '../../hooks/use-action'
import { AgentPage } from '../workbench/agent-shell'
import { findAccounts } from '../workbench/api'
import { accountPage, goTo } from '../workbench/pages'
import '../workbench/workbench.scss'

function Hit({ hit }: { hit: AgentAccountHit }) {
  const title = `户号 ${hit.accountNo}`
  return (
    <View
      className="agent-item"
      onClick={() => goTo(accountPage(hit.accountNo))}
      {...a11y(undefined, 'button')}
    >
      <Text className="agent-item__title">{title}</Text>
      <Text className="agent-item__line">
        户主 {hit.holderNameMasked} · 手机 {hit.phoneMasked}
      </Text>
      <Text className="agent-item__line">{hit.addressMasked}</Text>
      <Text className="agent-item__more">查看详情、发送任务 ›</Text>
    </View>
  )
}

/** 查户号: by account number or the holder's phone; the results are masked. */
export default function AgentHomePage() {
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<AgentAccountHit[] | undefined>()
  const [error, setError] = useState<string | undefined>()

  const search = useAction(
    async () => {
      const text = q.trim()
      if (!/^\d{10}$|^\d{11}$/.test(text)) {
        return setError('请输入10位户号或11位手机号')
      }
      setError(undefined)
      setHits((await findAccounts(text)).items)
    },
    { onError: (err) => setError(err.message) },
  )

  return (
    <AgentPage title="查户号" subtitle="找到户号后可以查看状态、给居民发送任务" nav="home">
      <View className="card">
        <FormField
          label="户号或手机号"
          value={q}
          onChange={setQ}
          type="number"
          maxLength={11}
          placeholder="10位户号或11位手机号"
        />
        {error ? (
          <Text className="agent-error" {...a11y(undefined, 'alert')}>
            ⚠ {error}
          </Text>
        ) : null}
        <View className="agent-actions">
          <ActionButton main onClick={() => void search.run()}>
            {search.busy ? '正在查找…' : '查找'}
          </ActionButton>
        </View>
      </View>
      {hits ? (
        <View className="card" {...a11y(undefined, 'status')}>
          <Text className="card__title">
            {hits.length ? `找到 ${hits.length} 个户号` : '没有找到'}
          </Text>
          {hits.length ? null : (
            <Text className="card__text">户号不存在，或不在您负责的片区内。</Text>
          )}
          {hits.map((hit) => (
            <Hit key={hit.accountNo} hit={hit} />
          ))}
        </View>
      ) : null}
    </AgentPage>
  )
}
