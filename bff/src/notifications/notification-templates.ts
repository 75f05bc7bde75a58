import type { NotificationGroup, NotificationType, SubscribeTemplates } from '@gh/shared'
import { NOTIFICATION_GROUP_OF } from '@gh/shared'
import { MESSAGE_FIELDS, clip, type ComposedMessage, type MessageField } from './message-composer'

/** A platform's subscription template for one event type, and what fills its keywords. */
export interface TemplateSpec {
  templateId: string
  /** Keyword (`thing1`, `keyword2`) → the message field that fills it. */
  keywords: Record<string, MessageField>
}

export type SubscriptionPlatform = 'wechat' | 'alipay'

export type TemplateTable = Partial<Record<NotificationType, TemplateSpec>>
export type PlatformTemplates = Record<SubscriptionPlatform, TemplateTable>

/** As configuration gives them: field names not yet checked. */
export type ConfiguredTemplates = Partial<
  Record<
    SubscriptionPlatform,
    Partial<Record<NotificationType, { templateId: string; keywords: Record<string, string> }>>
  >
>

const bill = {
  thing1: 'title',
  amount2: 'amount',
  date3: 'dueDate',
  character_string4: 'account',
  thing5: 'note',
}
const stop = {
  phrase1: 'state',
  time2: 'startTime',
  time3: 'endTime',
  thing4: 'area',
  thing5: 'reason',
}
const aliBill = { keyword1: 'title', keyword2: 'amount', keyword3: 'dueDate', keyword4: 'account' }
const aliStop = { keyword1: 'state', keyword2: 'startTime', keyword3: 'endTime', keyword4: 'area' }

/** 缴费结果通知 as it has been sent since before this service existed. */
export const PAYMENT_RESULT_KEYWORDS: Record<string, MessageField> = {
  thing1: 'purpose',
  amount2: 'amount',
  phrase3: 'state',
  character_string4: 'account',
  time5: 'time',
}

/** 报修进度提醒 as the repairs feature has sent it. */
export const REPAIR_STEP_KEYWORDS: Record<string, MessageField> = {
  character_string1: 'repairNo',
  thing2: 'title',
  phrase3: 'state',
  thing4: 'note',
  time5: 'time',
}

/** 业务办理结果通知: what the resident applied for, its state and what it means. */
export const SERVICE_RESULT_KEYWORDS: Record<string, MessageField> = {
  thing1: 'title',
  phrase2: 'state',
  thing3: 'note',
  time4: 'time',
}
const aliService = { keyword1: 'title', keyword2: 'state', keyword3: 'time' }

/**
 * The sandbox's templates, used outside production when none are configured: WeChat keyword
 * names follow its public template library (thing, amount, phrase…), Alipay's are keyword1….
 */
export const SANDBOX_TEMPLATES: ConfiguredTemplates = {
  wechat: {
    bill_issued: { templateId: 'sandbox-bill-issued', keywords: bill },
    bill_due_soon: { templateId: 'sandbox-bill-due-soon', keywords: bill },
    bill_overdue: { templateId: 'sandbox-bill-overdue', keywords: bill },
    low_balance: {
      templateId: 'sandbox-low-balance',
      keywords: {
        character_string1: 'account',
        amount2: 'balance',
        amount3: 'threshold',
        thing4: 'note',
      },
    },
    supply_stop_announced: { templateId: 'sandbox-supply-stop', keywords: stop },
    supply_stop_changed: { templateId: 'sandbox-supply-stop', keywords: stop },
    supply_stop_ended: { templateId: 'sandbox-supply-stop', keywords: stop },
    repair_step: { templateId: 'sandbox-repair-step', keywords: REPAIR_STEP_KEYWORDS },
    payment_result: { templateId: 'sandbox-order-settled', keywords: PAYMENT_RESULT_KEYWORDS },
    heating_application: {
      templateId: 'sandbox-service-result',
      keywords: SERVICE_RESULT_KEYWORDS,
    },
    heating_visit: { templateId: 'sandbox-service-result', keywords: SERVICE_RESULT_KEYWORDS },
    heating_compensation: {
      templateId: 'sandbox-service-result',
      keywords: SERVICE_RESULT_KEYWORDS,
    },
    account_change: { templateId: 'sandbox-service-result', keywords: SERVICE_RESULT_KEYWORDS },
  },
  alipay: {
    bill_issued: { templateId: 'sandbox-ali-bill', keywords: aliBill },
    bill_due_soon: { templateId: 'sandbox-ali-bill', keywords: aliBill },
    bill_overdue: { templateId: 'sandbox-ali-bill', keywords: aliBill },
    low_balance: {
      templateId: 'sandbox-ali-balance',
      keywords: { keyword1: 'account', keyword2: 'balance', keyword3: 'note' },
    },
    supply_stop_announced: { templateId: 'sandbox-ali-supply-stop', keywords: aliStop },
    supply_stop_changed: { templateId: 'sandbox-ali-supply-stop', keywords: aliStop },
    supply_stop_ended: { templateId: 'sandbox-ali-supply-stop', keywords: aliStop },
    repair_step: {
      templateId: 'sandbox-ali-repair',
      keywords: { keyword1: 'repairNo', keyword2: 'state', keyword3: 'time' },
    },
    heating_application: { templateId: 'sandbox-ali-service', keywords: aliService },
    heating_visit: { templateId: 'sandbox-ali-service', keywords: aliService },
    heating_compensation: { templateId: 'sandbox-ali-service', keywords: aliService },
    account_change: { templateId: 'sandbox-ali-service', keywords: aliService },
    payment_result: {
      templateId: 'sandbox-ali-payment',
      keywords: { keyword1: 'purpose', keyword2: 'amount', keyword3: 'state', keyword4: 'account' },
    },
  },
}

function isField(name: string): name is MessageField {
  return (MESSAGE_FIELDS as readonly string[]).includes(name)
}

/**
 * Checks configured templates at start-up: a keyword mapped to a field no message has is a
 * configuration error, reported with its place rather than sent as an empty keyword.
 */
export function resolveTemplates(configured: ConfiguredTemplates): PlatformTemplates {
  const out: PlatformTemplates = { wechat: {}, alipay: {} }
  for (const platform of ['wechat', 'alipay'] as const) {
    for (const [type, spec] of Object.entries(configured[platform] ?? {})) {
      if (!spec) continue
      const keywords: Record<string, MessageField> = {}
      for (const [keyword, field] of Object.entries(spec.keywords)) {
        if (!isField(field)) {
          throw new Error(
            `notification template ${platform}.${type}.${keyword}: unknown field "${field}" ` +
              `(one of ${MESSAGE_FIELDS.join(', ')})`,
          )
        }
        keywords[keyword] = field
      }
      out[platform][type as NotificationType] = { templateId: spec.templateId, keywords }
    }
  }
  return out
}

/** WeChat's value limits per keyword type (the keyword name without its digits). */
const WECHAT_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  name: 10,
  amount: 20,
  time: 40,
  date: 40,
}

/** A template's keywords filled from the message, each cut to what the platform accepts. */
export function fillKeywords(
  platform: SubscriptionPlatform,
  spec: TemplateSpec,
  message: ComposedMessage,
): Record<string, string> {
  const data: Record<string, string> = {}
  for (const [keyword, field] of Object.entries(spec.keywords)) {
    const value = message.fields[field]
    const limit = platform === 'wechat' ? WECHAT_LIMITS[keyword.replace(/\d+$/, '')] : 40
    data[keyword] = limit === undefined ? value : clip(value, limit)
  }
  return data
}

/** The distinct template ids per group, as the settings page asks for consent to them. */
export function templatesByGroup(table: TemplateTable): SubscribeTemplates {
  const out: Record<NotificationGroup, string[]> = {
    bills: [],
    balance: [],
    supply_stops: [],
    repairs: [],
    payments: [],
  }
  for (const [type, spec] of Object.entries(table)) {
    if (!spec) continue
    const ids = out[NOTIFICATION_GROUP_OF[type as NotificationType]]
    if (!ids.includes(spec.templateId)) ids.push(spec.templateId)
  }
  return out
}
