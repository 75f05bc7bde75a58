import { z } from 'zod'
import { defineRoute } from './route'
import { AccountParams, Fen, IsoDateTime } from './common'
import { CreatePaymentRequest, OrderNo, PaymentOrder } from './payments'

/**
 * 请家人代缴: someone bound to an account makes a share card; a family member who is NOT bound
 * opens it, sees only the masked account and the amount, and pays. The card's token is the only
 * capability: 128 random bits, kept hashed, valid for three days.
 */

export const PayShareToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, { message: '代缴链接无效，请让家人重新分享' })

const TokenParams = z.object({ token: PayShareToken })

export const PayShareKind = z.enum(['recharge', 'bill'])

export const CreatePayShareRequest = z.object({
  purpose: PayShareKind,
  /** Top-ups: a fixed amount, or null to let the payer choose. Bills: ignored (what is owed). */
  amountFen: Fen.positive().nullable().default(null),
})

/** What the payer sees: never the full account number, the holder's name or the address. */
export const PayShare = z.object({
  token: PayShareToken,
  /** The mini-program page to open, for the share card or a QR code. */
  path: z.string(),
  accountNoMasked: z.string(),
  /** 燃气充值 / 燃气费 / 供热费 */
  what: z.string(),
  purpose: PayShareKind,
  /** What the payer will pay; null when a top-up lets them choose. */
  amountFen: Fen.nullable(),
  minFen: Fen,
  maxFen: Fen,
  /** Why paying is not possible now (nothing owed, suspended…); null when it is. */
  refusal: z.string().nullable(),
  expiresAt: IsoDateTime,
})
export type PayShare = z.infer<typeof PayShare>

/** The payer's view of an order they paid through a card: the account stays masked. */
export const SharedOrder = PaymentOrder.omit({ accountNo: true }).extend({
  accountNoMasked: z.string(),
})
export type SharedOrder = z.infer<typeof SharedOrder>

export const createPayShare = defineRoute({
  id: 'createPayShare',
  method: 'post',
  path: '/accounts/:accountNo/pay-shares',
  summary: '请家人代缴: a share card that lets a family member pay this account without binding it',
  tag: 'payments',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: AccountParams,
  body: CreatePayShareRequest,
  response: PayShare,
})

export const getPayShare = defineRoute({
  id: 'getPayShare',
  method: 'get',
  path: '/pay-shares/:token',
  summary: 'What a share card asks the payer to pay (masked account, amount, limits)',
  tag: 'payments',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  params: TokenParams,
  response: PayShare,
})

export const createSharedOrder = defineRoute({
  id: 'createSharedOrder',
  method: 'post',
  path: '/pay-shares/:token/orders',
  summary:
    'The payer of a share card creates the order (same Idempotency-Key → same order) and gets what to pay with',
  tag: 'payments',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  params: TokenParams,
  body: CreatePaymentRequest,
  response: SharedOrder,
})

export const getSharedOrder = defineRoute({
  id: 'getSharedOrder',
  method: 'get',
  path: '/pay-shares/:token/orders/:orderNo',
  summary: 'An order the caller paid through this card, with its timeline; 404 for anyone else',
  tag: 'payments',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  params: TokenParams.extend({ orderNo: OrderNo }),
  response: SharedOrder,
})
