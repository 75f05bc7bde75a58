import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useAccountFromLink } from '../../account/account-from-link'
import { currentAccountStore } from '../../account/current-account-store'
import icon from '../../assets/tab/repairs-active.png'
import { useLoggedIn } from '../../auth/session'
import type { QueryState } from '../../hooks/use-query'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { DescriptionField } from '../../components/voice-input/description-field'
import { shareCards } from '../../navigation/share'
import { repairsSpeech } from './speech'

/** Repair reports arrive with the work-order feature; until then the list is empty. */
const noRepairsYet: QueryState<readonly never[]> = { status: 'success', data: [] }

export default function RepairsPage() {
  const loggedIn = useLoggedIn()
  useAccountFromLink()
  // Prototype of the report form's description (voice or typing); sending comes with work orders.
  const [description, setDescription] = useState('')
  return (
    <PageRoot share={() => shareCards.repairs(loggedIn ? currentAccountStore.get() : undefined)}>
      <PageHeading title="报修" subtitle="燃气、暖气故障报修和进度" />
      <ReadAloudBar
        what="报修和故障描述"
        text={() => repairsSpeech({ loggedIn, description, reportCount: 0 })}
      />
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
