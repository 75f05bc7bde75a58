import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import type { HelpAlert, HelpAlerts } from '@gh/shared'
import { a11y } from '../../a11y'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { ActionButton } from '../../components/action-button'
import { HelpButton } from '../../components/help-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { SwitchRow } from '../../components/switch-row'
import { useAction } from '../../hooks/use-action'
import { useQuery } from '../../hooks/use-query'
import { useEmergencyPhone } from '../../repairs/emergency-phone'
import { acknowledge, alertSent, helpKey, loadHelp, saveHelpSettings } from './api'
import { helpSpeech } from './speech'
import './index.scss'

const time = (iso: string) =>
  `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

function AlertCard({ accountNo, alert }: { accountNo: string; alert: HelpAlert }) {
  const ack = useAction(() => acknowledge(accountNo, alert.alertId))
  return (
    <View className="card help-alert" {...a11y(undefined, 'listitem')}>
      <Text className="help-alert__title">
        {alert.kindLabel} · {time(alert.createdAt)}
      </Text>
      <Text
        className={`help-alert__status${alert.acknowledged ? ' help-alert__status--done' : ''}`}
      >
        {alert.statusLabel}
      </Text>
      <Text className="help-alert__line">地址：{alert.addressMasked}</Text>
      {alert.reached.map((r) => (
        <Text key={r.label} className="help-alert__line">
          {r.reachedAt ? `✓ ${r.label} ${time(r.reachedAt)} 已通知` : `… ${r.label} 正在通知`}
        </Text>
      ))}
      {alert.acknowledged ? (
        <Text className="help-alert__ack">
          ✓ {alert.acknowledged.by} {time(alert.acknowledged.at)} 已确认
        </Text>
      ) : alert.mine ? null : (
        <ActionButton main onClick={() => void ack.run()}>
          {ack.busy ? '正在确认…' : '我来处理'}
        </ActionButton>
      )}
    </View>
  )
}

function HelpBody(props: { accountNo: string; onLoaded: (data: HelpAlerts) => void }) {
  const { accountNo, onLoaded } = props
  const phone = useEmergencyPhone()
  const { state, retry } = useQuery(helpKey(accountNo), async () => {
    const data = await loadHelp(accountNo)
    onLoaded(data)
    return data
  })
  const save = useAction(saveHelpSettings)
  return (
    <PageShell state={state} onRetry={retry} what="求助记录">
      {({ settings, alerts }) => (
        <>
          {settings.enabled ? (
            <View className="help-page__buttons">
              <HelpButton
                accountNo={accountNo}
                kind="help"
                shareLocation={settings.shareLocation}
                onSent={() => alertSent(accountNo)}
              />
              <HelpButton
                accountNo={accountNo}
                kind="gas_smell"
                shareLocation={settings.shareLocation}
                {...(phone.phone ? { emergencyPhone: phone.phone } : {})}
                onSent={() => alertSent(accountNo)}
              />
              <Text className="help-page__hint">
                按住按钮2秒，会通知
                {settings.familyCount > 0 ? `${settings.familyCount}位家人和` : ''}
                片区服务站；闻到燃气味还会拨打24小时抢修电话。
              </Text>
            </View>
          ) : null}
          <View className="card">
            <SwitchRow
              title="开启一键求助"
              hint={settings.livingAlone ? '登记为独居老人，默认开启' : '独自在家的老人建议开启'}
              on={settings.enabled}
              onChange={(on) =>
                void save.run(accountNo, { enabled: on, shareLocation: settings.shareLocation })
              }
            />
            <SwitchRow
              title="求助时附带大致位置"
              hint="只发送大致位置（约1公里范围），方便服务站找到您"
              on={settings.shareLocation}
              onChange={(on) =>
                void save.run(accountNo, { enabled: settings.enabled, shareLocation: on })
              }
            />
          </View>
          <Text className="help-page__heading" {...a11y(undefined, 'heading')} aria-level="2">
            求助记录
          </Text>
          {alerts.length === 0 ? (
            <Text className="help-page__hint">还没有求助记录。</Text>
          ) : (
            <View {...a11y('求助记录', 'list')}>
              {alerts.map((alert) => (
                <AlertCard key={alert.alertId} accountNo={accountNo} alert={alert} />
              ))}
            </View>
          )}
        </>
      )}
    </PageShell>
  )
}

/**
 * 一键求助 of the current account: the buttons (when it is on), the switches, and every alert
 * with who was reached and who confirmed; a family member confirms here (我来处理).
 */
export default function HelpPage() {
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const shown = useRef<HelpAlerts | undefined>(undefined)
  return (
    <PageRoot>
      <PageHeading title="一键求助" subtitle="通知家人和片区服务站" />
      <ReadAloudBar what="一键求助" text={() => helpSpeech(shown.current)} />
      <AccountPageShell
        accounts={accounts}
        records={false}
        loginHint="登录并绑定户号后，可以一键通知家人和服务站"
        unboundHint="绑定户号后可以开启一键求助。"
      >
        {(account) => (
          <HelpBody
            key={account.accountNo}
            accountNo={account.accountNo}
            onLoaded={(data) => {
              shown.current = data
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
