import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { NOTIFICATION_GROUP_LABELS } from '@gh/shared'
import type { NotificationSettings } from '@gh/shared'
import { a11y } from '../../../a11y'
import { SwitchRow } from '../../../components/switch-row'
import { useAction } from '../../../hooks/use-action'
import { queryClient } from '../../../hooks/query-cache'
import { updateNotificationSettings } from '../api'
import {
  applyChange,
  draftOf,
  GROUP_ORDER,
  templatesFor,
  type Change,
  type Draft,
} from '../settings-form'
import { subscriptions } from '../subscribe'
import type { Consent } from '../subscribe-types'
import { ThresholdPresets } from './threshold-presets'

export const settingsKey = (accountNo: string) =>
  ['user', 'notificationSettings', accountNo] as const

const channelNames = { wechat: '微信', alipay: '支付宝' } as const

export interface SettingsFormProps {
  accountNo: string
  settings: NotificationSettings
  /** What the switches show now, for 朗读. */
  onShown: (draft: Draft) => void
}

function consentNote(consent: Consent, smsOn: boolean): string | undefined {
  const name = subscriptions.channel ? channelNames[subscriptions.channel] : ''
  if (!consent.asked) return undefined
  if (consent.refused.length === 0) return `✓ 已同意接收${name}提醒`
  const fallback = smsOn ? '，并给您发短信' : ''
  return `您没有同意接收${name}提醒。提醒仍会放进站内消息${fallback}。以后想接收，可以再打开开关。`
}

/**
 * The switches of one account, each saved as it is tapped. A switch turned on asks the platform
 * for consent to its subscription messages first thing in the tap (WeChat opens the dialog only
 * inside a tap); a tap while a save is still on its way is ignored, so nothing saved differs
 * from what the page shows.
 */
export function SettingsForm({ accountNo, settings, onShown }: SettingsFormProps) {
  const [pending, setPending] = useState<Draft | undefined>()
  const [note, setNote] = useState<string | undefined>()
  const saving = useAction(async (next: Draft) => {
    setPending(next)
    try {
      const saved = await updateNotificationSettings(accountNo, next)
      queryClient.setQueryData(settingsKey(accountNo), saved)
    } finally {
      setPending(undefined)
    }
  })
  const draft = useMemo(() => pending ?? draftOf(settings), [pending, settings])
  useEffect(() => onShown(draft), [draft, onShown])

  const change = (c: Change) => {
    if (saving.busy) return
    const templates = templatesFor(settings, draft, c, subscriptions.channel)
    if (templates.length > 0) {
      void subscriptions
        .ask(templates)
        .then((consent) => setNote(consentNote(consent, draft.channels.sms)))
    }
    void saving.run(applyChange(draft, c))
  }

  const { channels } = settings
  const platform = subscriptions.channel
  return (
    <>
      <Text className="section-title">提醒哪些事</Text>
      <View className="card settings__list">
        {GROUP_ORDER.filter((group) => settings.applicable[group]).map((group) => (
          <SwitchRow
            key={group}
            title={NOTIFICATION_GROUP_LABELS[group].title}
            hint={NOTIFICATION_GROUP_LABELS[group].description}
            on={draft.groups[group].enabled}
            onChange={(enabled) => change({ kind: 'group', group, enabled })}
          >
            {group === 'balance' ? (
              <ThresholdPresets
                valueFen={draft.groups.balance.thresholdFen}
                onSelect={(thresholdFen) => change({ kind: 'threshold', thresholdFen })}
              />
            ) : null}
          </SwitchRow>
        ))}
      </View>

      <Text className="section-title">怎样提醒您</Text>
      <View className="card settings__list">
        <View className="settings__fixed">
          <Text className="settings__fixed-title">站内消息：总是开启</Text>
          <Text className="settings__fixed-text">
            所有提醒都会放进“我的 → 站内消息”，随时可以查看。
          </Text>
        </View>
        {platform && channels[platform].available ? (
          <SwitchRow
            title={`${channelNames[platform]}订阅消息`}
            hint={`在${channelNames[platform]}里收到提醒。打开时${channelNames[platform]}会问您是否同意，请点“允许”。`}
            on={draft.channels[platform]}
            onChange={(enabled) => change({ kind: 'channel', channel: platform, enabled })}
          />
        ) : null}
        {platform && !channels[platform].available ? (
          <View className="settings__fixed">
            <Text className="settings__fixed-title">
              {channelNames[platform]}订阅消息：暂不可用
            </Text>
            <Text className="settings__fixed-text">
              用{channelNames[platform]}登录后，才能在{channelNames[platform]}里收到提醒。
            </Text>
          </View>
        ) : null}
        {platform === null ? (
          <View className="settings__fixed">
            <Text className="settings__fixed-title">微信、支付宝订阅消息：网页版不可用</Text>
            <Text className="settings__fixed-text">
              在网页里收不到微信或支付宝的提醒。提醒会放进站内消息；开启下面的短信提醒后，也会发短信给您。
            </Text>
          </View>
        ) : null}
        {channels.sms.available ? (
          <SwitchRow
            title="短信提醒"
            hint={`${platform ? `没有收到${channelNames[platform]}提醒时，` : ''}发短信到 ${channels.sms.phoneMasked ?? '您的手机'} 提醒您。开启即表示您同意接收提醒短信。`}
            on={draft.channels.sms}
            onChange={(enabled) => change({ kind: 'channel', channel: 'sms', enabled })}
          />
        ) : (
          <View className="settings__fixed">
            <Text className="settings__fixed-title">短信提醒：暂不可用</Text>
            <Text className="settings__fixed-text">用手机号登录并验证后，才能接收提醒短信。</Text>
          </View>
        )}
      </View>
      {note ? (
        <View className="card settings__note" {...a11y(undefined, 'status')}>
          <Text className="settings__note-text">{note}</Text>
        </View>
      ) : null}
      <Text className="settings__saving" {...a11y(undefined, 'status')}>
        {saving.busy ? '正在保存…' : '点开关即保存'}
      </Text>
    </>
  )
}
