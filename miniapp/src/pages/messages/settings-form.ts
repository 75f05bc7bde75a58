import { NotificationGroup } from '@gh/shared'
import type { NotificationSettings, UpdateNotificationSettingsRequest } from '@gh/shared'
import { MAX_TEMPLATES_PER_ASK } from './subscribe-types'

/*
 * 消息设置 as the page holds it: the whole request (every switch is sent each time), changed one
 * tap at a time, and which subscription templates a tap should ask consent for. Pure.
 */

export type Draft = UpdateNotificationSettingsRequest
export type SubscribeChannel = 'wechat' | 'alipay'

/** 余额不足 thresholds offered as big buttons, in fen. */
export const THRESHOLD_PRESETS_FEN: readonly number[] = [1_000, 2_000, 5_000, 10_000]

/** The groups in the order the page lists them. */
export const GROUP_ORDER: readonly NotificationGroup[] = NotificationGroup.options

export function draftOf(settings: NotificationSettings): Draft {
  const { groups, channels } = settings
  return {
    groups,
    channels: {
      wechat: channels.wechat.enabled,
      alipay: channels.alipay.enabled,
      sms: channels.sms.enabled,
    },
  }
}

export type Change =
  | { kind: 'group'; group: NotificationGroup; enabled: boolean }
  | { kind: 'threshold'; thresholdFen: number }
  | { kind: 'channel'; channel: keyof Draft['channels']; enabled: boolean }

export function applyChange(draft: Draft, change: Change): Draft {
  switch (change.kind) {
    case 'group':
      return {
        ...draft,
        groups: {
          ...draft.groups,
          [change.group]: { ...draft.groups[change.group], enabled: change.enabled },
        },
      }
    case 'threshold':
      return {
        ...draft,
        groups: {
          ...draft.groups,
          balance: { enabled: true, thresholdFen: change.thresholdFen },
        },
      }
    case 'channel':
      return { ...draft, channels: { ...draft.channels, [change.channel]: change.enabled } }
  }
}

/** The groups that concern the account and are switched on. */
export function enabledGroups(settings: NotificationSettings, draft: Draft): NotificationGroup[] {
  return GROUP_ORDER.filter((group) => settings.applicable[group] && draft.groups[group].enabled)
}

/**
 * The templates to ask consent for as this change is made, on the build's own channel: a group
 * switched on asks for its templates (when subscription messages are on); the channel switched
 * on asks for the groups already on. Nothing for a switch turned off, or on H5.
 */
export function templatesFor(
  settings: NotificationSettings,
  draft: Draft,
  change: Change,
  channel: SubscribeChannel | null,
): string[] {
  if (channel === null || !settings.channels[channel].available) return []
  const templates = settings.subscribeTemplates[channel]
  const after = applyChange(draft, change)
  let groups: NotificationGroup[] = []
  if (change.kind === 'group' && change.enabled && after.channels[channel]) groups = [change.group]
  if (change.kind === 'threshold' && !draft.groups.balance.enabled && after.channels[channel]) {
    groups = ['balance']
  }
  if (change.kind === 'channel' && change.channel === channel && change.enabled) {
    groups = enabledGroups(settings, after)
  }
  const ids = groups.flatMap((group) => templates[group])
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_ASK)
}
