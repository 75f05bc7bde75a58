import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'

/**
 * 消息: what the utility tells a resident about an account (账单, 余额不足, 停气/停暖, 报修进度,
 * 缴费结果). Every message lands in the resident's 站内消息 inbox; it is also sent as a WeChat
 * or Alipay subscription message (订阅消息) when the resident agreed to that template, and as an
 * SMS fallback when they allowed SMS. Settings are per bound account and per resident.
 */

export const NotificationType = z
  .enum([
    'bill_issued',
    'bill_due_soon',
    'bill_overdue',
    'low_balance',
    'supply_stop_announced',
    'supply_stop_changed',
    'supply_stop_ended',
    'repair_step',
    'service_life_due',
    'inspection_tomorrow',
    'payment_result',
    'heating_application',
    'heating_visit',
    'heating_compensation',
    'account_change',
    'help_alert',
  ])
  .describe('what happened; each type belongs to one NotificationGroup')
export type NotificationType = z.infer<typeof NotificationType>

/** What the resident switches on and off: one switch per group. */
export const NotificationGroup = z
  .enum(['bills', 'balance', 'supply_stops', 'repairs', 'payments'])
  .describe('bills 账单, balance 余额不足, supply_stops 停气停暖, repairs 报修, payments 缴费结果')
export type NotificationGroup = z.infer<typeof NotificationGroup>

export const NOTIFICATION_GROUP_OF: Record<NotificationType, NotificationGroup> = {
  bill_issued: 'bills',
  bill_due_soon: 'bills',
  bill_overdue: 'bills',
  low_balance: 'balance',
  supply_stop_announced: 'supply_stops',
  supply_stop_changed: 'supply_stops',
  supply_stop_ended: 'supply_stops',
  repair_step: 'repairs',
  // Safety reminders are about visits and fittings at home, as repairs are.
  service_life_due: 'repairs',
  inspection_tomorrow: 'repairs',
  payment_result: 'payments',
  // Results of what the resident applied for (报停, 室温测量, 过户销户) are progress, as repairs'.
  heating_application: 'repairs',
  heating_visit: 'repairs',
  heating_compensation: 'repairs',
  account_change: 'repairs',
  // Switches never silence a help alert (see the notification service); its group only says
  // which consent its subscription template is asked with.
  help_alert: 'repairs',
}

/** The labels the 消息设置 page shows for each group. */
export const NOTIFICATION_GROUP_LABELS: Record<
  NotificationGroup,
  { title: string; description: string }
> = {
  bills: { title: '账单提醒', description: '出账、快到缴费期限、逾期未缴时提醒' },
  balance: { title: '余额不足提醒', description: '余额低于您设定的金额时提醒一次' },
  supply_stops: { title: '停气停暖通知', description: '您所在片区停气、停暖的通知、变更和恢复' },
  repairs: {
    title: '报修进度',
    description: '报修受理、派单、上门、完成时提醒；报停、室温测量、过户销户的办理结果',
  },
  payments: { title: '缴费结果', description: '缴费、充值到账或退款时提醒' },
}

/** Where a message goes besides the inbox. */
export const NotificationChannel = z
  .enum(['wechat', 'alipay', 'sms'])
  .describe('wechat / alipay 订阅消息; sms 短信 (fallback when no subscription message went out)')
export type NotificationChannel = z.infer<typeof NotificationChannel>

/** 余额不足提醒 threshold in fen: 0 元 … 1000 元; the default is 20 元. */
export const LowBalanceThresholdFen = Fen.min(0, { message: '提醒金额不能小于0元' }).max(100_000, {
  message: '提醒金额最多1000元',
})
export const DEFAULT_LOW_BALANCE_THRESHOLD_FEN = 2_000

const GroupSwitch = z.object({ enabled: z.boolean() })

/** The switches, one per group; `balance` carries its threshold. */
export const NotificationGroups = z.object({
  bills: GroupSwitch,
  balance: GroupSwitch.extend({ thresholdFen: LowBalanceThresholdFen }),
  supply_stops: GroupSwitch,
  repairs: GroupSwitch,
  payments: GroupSwitch,
})
export type NotificationGroups = z.infer<typeof NotificationGroups>

/**
 * The template ids of a platform's subscription messages per group: what the page passes to
 * `wx.requestSubscribeMessage({ tmplIds })` (WeChat) or `my.requestSubscribeMessage({ entityIds })`
 * (Alipay) when the resident switches a group on, or just before the moment it matters (paying,
 * reporting a repair). Empty when that platform has no template configured for the group.
 */
export const SubscribeTemplates = z.object({
  bills: z.array(z.string()),
  balance: z.array(z.string()),
  supply_stops: z.array(z.string()),
  repairs: z.array(z.string()),
  payments: z.array(z.string()),
})
export type SubscribeTemplates = z.infer<typeof SubscribeTemplates>

export const NotificationSettings = z.object({
  accountNo: AccountNo,
  /** False for groups that do not apply to the account (no bills on a prepaid meter). */
  applicable: z.object({
    bills: z.boolean(),
    balance: z.boolean(),
    supply_stops: z.boolean(),
    repairs: z.boolean(),
    payments: z.boolean(),
  }),
  groups: NotificationGroups,
  channels: z.object({
    /** available: the resident has logged in with WeChat (there is an openid to send to). */
    wechat: z.object({ available: z.boolean(), enabled: z.boolean() }),
    alipay: z.object({ available: z.boolean(), enabled: z.boolean() }),
    /**
     * SMS to the resident's verified phone when no subscription message went out.
     * available: the resident has a verified phone; consentedAt: when they allowed SMS.
     */
    sms: z.object({
      available: z.boolean(),
      enabled: z.boolean(),
      phoneMasked: z.string().nullable(),
      consentedAt: IsoDateTime.nullable(),
    }),
  }),
  subscribeTemplates: z.object({ wechat: SubscribeTemplates, alipay: SubscribeTemplates }),
})
export type NotificationSettings = z.infer<typeof NotificationSettings>

/** The whole settings, as the page holds them: every switch is sent each time. */
export const UpdateNotificationSettingsRequest = z.object({
  groups: NotificationGroups,
  channels: z.object({
    wechat: z.boolean(),
    alipay: z.boolean(),
    /** True is the resident's consent to SMS; refused (SMS_NOT_AVAILABLE) without a phone. */
    sms: z.boolean(),
  }),
})
export type UpdateNotificationSettingsRequest = z.infer<typeof UpdateNotificationSettingsRequest>

export const getNotificationSettings = defineRoute({
  id: 'getNotificationSettings',
  method: 'get',
  path: '/accounts/:accountNo/notification-settings',
  summary: 'The caller’s message settings for one bound account, with the subscription templates',
  tag: 'notifications',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  response: NotificationSettings,
})

export const updateNotificationSettings = defineRoute({
  id: 'updateNotificationSettings',
  method: 'put',
  path: '/accounts/:accountNo/notification-settings',
  summary: 'Replaces the caller’s message settings for one bound account',
  tag: 'notifications',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: AccountParams,
  body: UpdateNotificationSettingsRequest,
  response: NotificationSettings,
})

export const MessageId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: '消息编号格式不正确' })

/** One 站内消息. Texts are Chinese and carry no unmasked personal data. */
export const InboxMessage = z.object({
  messageId: MessageId,
  type: NotificationType,
  group: NotificationGroup,
  accountNo: AccountNo,
  /** '2026年10月燃气费已出账', '停气通知'. */
  title: z.string(),
  /** One or two sentences: amount, dates, what to do. */
  body: z.string(),
  /** The mini-program page the message opens, with its query; null when none applies. */
  page: z.string().nullable(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
})
export type InboxMessage = z.infer<typeof InboxMessage>

export const ListMessagesQuery = z.object({
  /** `nextCursor` of the previous page; absent for the first (newest) page. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,120}$/, { message: '分页参数格式不正确' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** Only the messages of one account. */
  accountNo: AccountNo.optional(),
})

export const MessageList = z.object({
  /** Newest first. */
  messages: z.array(InboxMessage),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
  /** Unread messages in the whole inbox (not just this page, not just the filtered account). */
  unreadCount: z.number().int().min(0),
})
export type MessageList = z.infer<typeof MessageList>

export const listMessages = defineRoute({
  id: 'listMessages',
  method: 'get',
  path: '/messages',
  summary: 'The caller’s inbox (站内消息), newest first, with the unread count',
  tag: 'notifications',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  query: ListMessagesQuery,
  response: MessageList,
})

export const readMessage = defineRoute({
  id: 'readMessage',
  method: 'post',
  path: '/messages/:messageId/read',
  summary: 'Marks one message read (again is fine); MESSAGE_NOT_FOUND when not the caller’s',
  tag: 'notifications',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  params: z.object({ messageId: MessageId }),
  response: z.object({ message: InboxMessage, unreadCount: z.number().int().min(0) }),
})

export const readAllMessages = defineRoute({
  id: 'readAllMessages',
  method: 'post',
  path: '/messages/read-all',
  summary: 'Marks every message of the caller read',
  tag: 'notifications',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  response: z.object({ unreadCount: z.literal(0) }),
})
