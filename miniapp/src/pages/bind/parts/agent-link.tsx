import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AgentLinkView } from '@gh/shared'
import { a11y } from '../../../a11y'
import { currentAccountStore } from '../../../account/current-account-store'
import { labelChoices } from '../../../account/labels'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { PageShell } from '../../../components/page-shell'
import { useAction } from '../../../hooks/use-action'
import { useQuery } from '../../../hooks/use-query'
import { openLink } from '../../../navigation/open-link'
import { getAgentLink, redeemAgentLink } from '../api'

const PAGE_NAMES: Record<AgentLinkView['page'], string> = {
  home: '首页',
  recharge: '交燃气费',
  bills: '账单',
  repairs: '报修',
  orders: '缴费记录',
  safety: '安全用气',
}

function Confirm({ token, view }: { token: string; view: AgentLinkView }) {
  const [label, setLabel] = useState<string | undefined>()
  const [error, setError] = useState<string | undefined>()
  const confirm = useAction(
    async () => {
      setError(undefined)
      const { account, path } = await redeemAgentLink(token, label)
      currentAccountStore.set(account.accountNo)
      // A tab page (账单) cannot be redirected to: it opens the way any in-app link does.
      await Taro.redirectTo({ url: path }).catch(() => openLink(path))
    },
    { onError: (err) => setError(err.message) },
  )
  return (
    <View className="card">
      <Text className="card__title">{view.agentName} 为您发来链接</Text>
      <Text className="card__text">户号：{view.accountNoMasked}</Text>
      {view.holderNameMasked ? (
        <Text className="card__text">户主：{view.holderNameMasked}</Text>
      ) : null}
      <Text className="card__text">
        {view.alreadyBound
          ? `这个户号已在您的账号里，点下面的按钮打开“${PAGE_NAMES[view.page]}”。`
          : `客服已当面核对户主信息，确认后这个户号会绑定到您的账号，并打开“${PAGE_NAMES[view.page]}”。`}
      </Text>
      {view.alreadyBound ? null : (
        <ChoiceChips
          label="备注名（可不选）"
          choices={labelChoices}
          value={label}
          onChange={setLabel}
        />
      )}
      {error ? (
        <Text className="bind-page__error" {...a11y(undefined, 'alert')}>
          ⚠ {error}
        </Text>
      ) : null}
      <View className="bind-page__submit">
        <ActionButton main onClick={() => void confirm.run()}>
          {confirm.busy ? '请稍候…' : view.alreadyBound ? '打开' : '确认绑定'}
        </ActionButton>
      </View>
      <Text className="bind-page__note">不是您本人或家人的户号？请不要确认，并拨打客服电话。</Text>
    </View>
  )
}

/** An agent's signed link (`?agentLink=`): shows what it grants and binds on confirmation. */
export function AgentLinkConfirm({ token }: { token: string }) {
  const { state, retry } = useQuery(['user', 'agentLink', token], () => getAgentLink(token))
  return (
    <PageShell state={state} onRetry={retry} what="客服链接">
      {(view) => <Confirm token={token} view={view} />}
    </PageShell>
  )
}
