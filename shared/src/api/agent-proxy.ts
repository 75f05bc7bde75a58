import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'
import { PaymentChannel, PaymentOrder } from './payments'
import { Repair, RepairKind, RepairKindOption, RepairSlot, RepairSlotOption } from './repairs'
import { InspectionSlotOption, InspectionVisit } from './safety-checks'

/**
 * 代办: an agent starts a payment or a booking for a resident, who confirms it with a 6-digit
 * one-time code the agent reads to them over the phone. The code is shown to the agent once and
 * kept only as a hash; it expires after `PROXY_CODE_TTL_MINUTES` and dies after
 * `PROXY_CODE_MAX_TRIES` wrong tries. On confirmation a payment becomes the resident's own
 * payment order (they pay with their own WeChat Pay or Alipay: the agent never holds money), a
 * fault report becomes a work order and an inspection booking a booked 入户安检 in a slot of the
 * inspection slot list.
 */
export const PROXY_CODE_TTL_MINUTES = 10
export const PROXY_CODE_MAX_TRIES = 5

export const ProxyRequestKind = z.enum(['pay_bill', 'top_up', 'report_fault', 'book_inspection'])
export type ProxyRequestKind = z.infer<typeof ProxyRequestKind>

export const proxyRequestKindLabels: Record<ProxyRequestKind, string> = {
  pay_bill: '缴纳账单',
  top_up: '充值',
  report_fault: '报修',
  book_inspection: '预约安检',
}

/**
 * pending: waiting for the resident's code; confirmed: the order or work order exists;
 * expired: the code ran out of time; locked: too many wrong codes.
 */
export const ProxyRequestStatus = z.enum(['pending', 'confirmed', 'expired', 'locked'])
export type ProxyRequestStatus = z.infer<typeof ProxyRequestStatus>

export const proxyRequestStatusLabels: Record<ProxyRequestStatus, string> = {
  pending: '待居民确认',
  confirmed: '居民已确认',
  expired: '验证码已过期',
  locked: '验证码错误次数过多',
}

export const ProxyRequestId = z.uuid({ message: '代办编号格式不正确' })

export const ProxyCode = z.string().regex(/^\d{6}$/, { message: '请输入6位数字验证码' })

const proxyDescription = z
  .string()
  .trim()
  .max(200, { message: '说明最多200个字' })
  .refine((text) => !/[\p{Cc}\p{Cf}]/u.test(text), {
    message: '内容里有无法识别的字符，请删掉后重试',
  })

export const CreateProxyRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('pay_bill'),
      accountNo: AccountNo,
      /** Left out: what the account owes now. */
      amountFen: Fen.positive({ message: '请输入正确的金额' }).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('top_up'),
      accountNo: AccountNo,
      amountFen: Fen.positive({ message: '请输入正确的金额' }).max(500_000, {
        message: '单笔充值不能超过5000元',
      }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('report_fault'),
      accountNo: AccountNo,
      repairKind: RepairKind,
      description: proxyDescription,
      /** Required unless the kind is urgent (then someone comes at once). */
      slot: RepairSlot.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('book_inspection'),
      accountNo: AccountNo,
      slot: RepairSlot,
      description: proxyDescription.default(''),
    })
    .strict(),
])
export type CreateProxyRequest = z.input<typeof CreateProxyRequest>

/** The request as the agent follows it. */
export const AgentProxyRequest = z.object({
  id: ProxyRequestId,
  /** The workbench task that tracks it (sent → opened on confirmation → done). */
  taskId: z.string(),
  accountNo: AccountNo,
  kind: ProxyRequestKind,
  kindLabel: z.string(),
  amountFen: Fen.nullable(),
  repairKind: RepairKind.nullable(),
  slot: RepairSlot.nullable(),
  description: z.string().nullable(),
  status: ProxyRequestStatus,
  statusLabel: z.string(),
  createdAt: IsoDateTime,
  /** When the code stops working. */
  expiresAt: IsoDateTime,
  confirmedAt: IsoDateTime.nullable(),
  /** The resident's payment order, once confirmed (payments). */
  orderNo: z.string().nullable(),
  /** The work order, once confirmed (fault reports). */
  repairNo: z.string().nullable(),
  /** The booked 入户安检, once confirmed (inspection bookings). */
  inspectionId: z.string().nullable(),
})
export type AgentProxyRequest = z.infer<typeof AgentProxyRequest>

/** Answered once, at creation: the code is never shown again and never stored in clear. */
export const CreatedProxyRequest = z.object({
  request: AgentProxyRequest,
  /** The one-time code to read to the resident. */
  code: ProxyCode,
})
export type CreatedProxyRequest = z.infer<typeof CreatedProxyRequest>

/** What the resident sees before entering the code. */
export const ResidentProxyRequest = z.object({
  id: ProxyRequestId,
  accountNo: AccountNo,
  kind: ProxyRequestKind,
  kindLabel: z.string(),
  amountFen: Fen.nullable(),
  repairKind: RepairKind.nullable(),
  slot: RepairSlot.nullable(),
  description: z.string().nullable(),
  /** 客服 张** 为您发起 */
  sentByLabel: z.string(),
  /** Role and masked name, e.g. 客服 张** */
  agentName: z.string(),
  expiresAt: IsoDateTime,
  /** Wrong codes left before the request locks. */
  triesLeft: z.number().int().nonnegative(),
})
export type ResidentProxyRequest = z.infer<typeof ResidentProxyRequest>

export const ConfirmProxyRequest = z
  .object({
    code: ProxyCode,
    /** How the resident pays (payments only; the mini-program passes its own platform). */
    channel: PaymentChannel.optional(),
  })
  .strict()
export type ConfirmProxyRequest = z.input<typeof ConfirmProxyRequest>

export const ConfirmedProxyRequest = z.object({
  id: ProxyRequestId,
  kind: ProxyRequestKind,
  /** For a payment: the resident's own order, with the parameters to pay it now. */
  order: PaymentOrder.nullable(),
  /** For a fault report: the work order created. */
  repair: Repair.nullable(),
  /** For an inspection booking: the visit booked. */
  inspection: InspectionVisit.nullable(),
})
export type ConfirmedProxyRequest = z.infer<typeof ConfirmedProxyRequest>

const ProxyParams = AccountParams.extend({ id: ProxyRequestId })

export const createProxyRequest = defineRoute({
  id: 'createProxyRequest',
  method: 'post',
  path: '/agent/proxy-requests',
  summary:
    '代办: starts a payment or booking for a resident (scope-checked) and answers the one-time code to read to them. The code is never stored in clear, so a repeat of the Idempotency-Key answers the same request with a new code (the old one stops working) while it is pending',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: true,
  // The answer holds the code: it is never kept for a replay; the handler finds the request.
  replay: 'resource',
  body: CreateProxyRequest,
  response: CreatedProxyRequest,
})

export const listAgentProxyRequests = defineRoute({
  id: 'listAgentProxyRequests',
  method: 'get',
  path: '/agent/proxy-requests',
  summary: 'The agent’s 代办 requests, newest first (pending only or all)',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  query: z.object({ status: z.enum(['pending', 'all']).default('all') }),
  response: z.object({ items: z.array(AgentProxyRequest) }),
})

export const listProxyRequests = defineRoute({
  id: 'listProxyRequests',
  method: 'get',
  path: '/accounts/:accountNo/proxy-requests',
  summary: 'The 代办 requests an agent started for the account that wait for the resident’s code',
  tag: 'accounts',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  response: z.object({ items: z.array(ResidentProxyRequest) }),
})

export const confirmProxyRequest = defineRoute({
  id: 'confirmProxyRequest',
  method: 'post',
  path: '/accounts/:accountNo/proxy-requests/:id/confirm',
  summary:
    'The resident confirms a 代办 request with the code read to them: a payment becomes their own payment order, a booking a work order',
  tag: 'accounts',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: ProxyParams,
  body: ConfirmProxyRequest,
  response: ConfirmedProxyRequest,
})

/** What the console's 报修 and 预约安检 forms offer for an account. */
export const AgentBookingOptions = z.object({
  kinds: z.array(RepairKindOption),
  /** For a non-urgent fault report. */
  repairSlots: z.array(RepairSlotOption),
  /** For an inspection: the slots the inspections service books. */
  inspectionSlots: z.array(InspectionSlotOption),
})
export type AgentBookingOptions = z.infer<typeof AgentBookingOptions>

export const getAgentBookingOptions = defineRoute({
  id: 'getAgentBookingOptions',
  method: 'get',
  // Not `:accountNo`: the agent scope is checked by the workbench service, not the binding guard.
  path: '/agent/accounts/:account/booking-options',
  summary:
    'The fault kinds and the repair and inspection slots a 代办 booking of the account may take (scope-checked)',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  params: z.object({ account: AccountNo }),
  response: AgentBookingOptions,
})

/** The agent side, mounted with the agent session guard. */
export const agentProxyRoutes = {
  createProxyRequest,
  listAgentProxyRequests,
  getAgentBookingOptions,
} as const

/** The resident side, mounted with the binding guard. */
export const proxyRequestRoutes = { listProxyRequests, confirmProxyRequest } as const
