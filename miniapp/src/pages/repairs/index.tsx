import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import icon from '../../assets/tab/repairs-active.png'
import type { QueryState } from '../../hooks/use-query'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { DescriptionField } from '../../components/voice-input/description-field'

/** Repair reports arrive with the work-order feature; until then the list is empty. */
const noRepairsYet: QueryState<readonly never[]> = { status: 'success', data: [] }

export default function RepairsPage() {
  // Prototype of the report form's description (voice or typing); sending comes with work orders.
  const [description, setDescription] = useState('')
  return (
    <PageRoot>
      <PageHeading title="报修" subtitle="燃气、暖气故障报修和进度" />
      <View className="card">
        <Text className="card__title">故障描述</Text>
        <DescriptionField
          label="请说说或写下哪里有问题"
          placeholder="例如：暖气片不热，从昨天开始"
          value={description}
          onChange={setDescription}
        />
      </View>
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
