import { z } from 'zod'
import { AccountParams, IsoDateTime } from './common'
import { defineRoute } from './route'

/**
 * 一键求助: a resident living alone (or anyone who turns it on for the account) holds one big
 * button to alert the family members bound to the account and the area's service desk, with the
 * account's address and, when allowed, a fuzzy location. Every alert is recorded and stays open
 * until a person (a family member or the desk) acknowledges it.
 */

export const HelpAlertKind = z
  .enum(['help', 'gas_smell'])
  .describe('help 求助; gas_smell 闻到燃气味')
export type HelpAlertKind = z.infer<typeof HelpAlertKind>

export const HELP_ALERT_KIND_LABELS: Record<HelpAlertKind, string> = {
  help: '需要帮助',
  gas_smell: '闻到燃气味',
}

/** A fuzzy position (the platform's fuzzy location API), never a precise one. */
export const FuzzyLocation = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})
export type FuzzyLocation = z.infer<typeof FuzzyLocation>

export const HelpSettings = z.object({
  /** The button is shown (长辈模式 home page, 我的). */
  enabled: z.boolean(),
  /** The utility's records mark the holder as living alone (独居): on by default. */
  livingAlone: z.boolean(),
  /** A fuzzy location may go with an alert. */
  shareLocation: z.boolean(),
  /** Family members an alert reaches (everyone bound to the account but the sender). */
  familyCount: z.number().int().nonnegative(),
})
export type HelpSettings = z.infer<typeof HelpSettings>

export const UpdateHelpSettingsRequest = z.object({
  enabled: z.boolean(),
  shareLocation: z.boolean(),
})

export const HelpAlertReach = z.object({
  kind: z.enum(['family', 'desk']),
  /** '家人 138****0011', '新华区燃气服务站' */
  label: z.string(),
  /** When the alert was handed to them; null while it is being sent. */
  reachedAt: IsoDateTime.nullable(),
})

export const HelpAlert = z.object({
  alertId: z.string(),
  kind: HelpAlertKind,
  kindLabel: z.string(),
  createdAt: IsoDateTime,
  addressMasked: z.string(),
  locationShared: z.boolean(),
  reached: z.array(HelpAlertReach),
  acknowledged: z.object({ by: z.string(), at: IsoDateTime }).nullable(),
  /** '已通知3人，等待确认' | '张师傅（服务站）已确认' */
  statusLabel: z.string(),
  /** The caller sent it (so they cannot acknowledge it themselves). */
  mine: z.boolean(),
})
export type HelpAlert = z.infer<typeof HelpAlert>

export const HelpAlerts = z.object({ settings: HelpSettings, alerts: z.array(HelpAlert) })
export type HelpAlerts = z.infer<typeof HelpAlerts>

export const CreateHelpAlertRequest = z.object({
  kind: HelpAlertKind,
  location: FuzzyLocation.nullable().default(null),
})

const common = { tag: 'help-alerts', auth: 'user', accountScoped: true } as const
const HelpAlertParams = AccountParams.extend({
  alertId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: '求助编号格式不正确' }),
})

export const listHelpAlerts = defineRoute({
  ...common,
  id: 'listHelpAlerts',
  method: 'get',
  path: '/accounts/:accountNo/help-alerts',
  summary: 'The 一键求助 settings and the account’s alerts, newest first, with who was reached',
  idempotent: false,
  params: AccountParams,
  response: HelpAlerts,
})

export const createHelpAlert = defineRoute({
  ...common,
  id: 'createHelpAlert',
  method: 'post',
  path: '/accounts/:accountNo/help-alerts',
  summary:
    'Sends a help alert to the family members bound to the account and the area’s service desk',
  idempotent: true,
  replay: 'resource',
  params: AccountParams,
  body: CreateHelpAlertRequest,
  response: HelpAlert,
})

export const acknowledgeHelpAlert = defineRoute({
  ...common,
  id: 'acknowledgeHelpAlert',
  method: 'post',
  path: '/accounts/:accountNo/help-alerts/:alertId/acknowledgement',
  summary: 'A family member confirms they are taking care of the alert',
  idempotent: true,
  params: HelpAlertParams,
  response: HelpAlert,
})

export const updateHelpSettings = defineRoute({
  ...common,
  id: 'updateHelpSettings',
  method: 'put',
  path: '/accounts/:accountNo/help-settings',
  summary: 'Turns 一键求助 on or off for the account and whether a fuzzy location goes with it',
  idempotent: true,
  params: AccountParams,
  body: UpdateHelpSettingsRequest,
  response: HelpSettings,
})

export const helpAlertRoutes = {
  listHelpAlerts,
  createHelpAlert,
  acknowledgeHelpAlert,
  updateHelpSettings,
} as const
