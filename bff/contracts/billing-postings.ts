import { z } from 'zod'
import { Fen, IdempotencyKey, LocalDate } from './billing-primitives'
import { AccountNo, IsoDateTime } from './common'

/**
 * Billing's postings (入账): payments and refunds as billing records them, and the reads of
 * them by account and by business day (reconciliation).
 */

export const PaymentChannel = z
  .enum(['wechatpay', 'alipay', 'counter', 'bank'])
  .describe('wechatpay / alipay: online; counter: service hall; bank: withholding or agent bank')

export const PaymentRequest = z.object({
  paymentId: IdempotencyKey,
  accountNo: AccountNo,
  amountFen: z.number().int().min(1),
  channel: PaymentChannel,
  billIds: z
    .array(z.string().max(40))
    .min(1)
    .max(36)
    .optional()
    .describe('settle exactly these bills (amount must equal their outstanding total)'),
  paidAt: IsoDateTime.describe('when the payer paid (provider success time)'),
})
export type PaymentRequest = z.infer<typeof PaymentRequest>

export const Allocation = z.object({
  billId: z.string(),
  amountFen: Fen,
  lateFeeFen: Fen.optional().describe('part of amountFen that settled the late fee (paid first)'),
})

export const Posting = z.object({
  postingId: z.string(),
  paymentId: z.string(),
  accountNo: AccountNo,
  kind: z.enum(['bill_payment', 'top_up']).describe('top_up: prepaid account receipt'),
  amountFen: Fen,
  channel: PaymentChannel,
  paidAt: IsoDateTime,
  postedAt: IsoDateTime,
  allocations: z.array(Allocation).describe('bills settled, overdue and oldest first'),
  unallocatedFen: Fen.describe('kept as prepayment (预存), or the prepaid top-up amount'),
})
export type Posting = z.infer<typeof Posting>

export const RefundPostingRequest = z.object({
  refundId: IdempotencyKey,
  paymentId: IdempotencyKey,
  amountFen: z.number().int().min(1),
  reason: z.string().min(1).max(80),
  refundedAt: IsoDateTime,
})
export type RefundPostingRequest = z.infer<typeof RefundPostingRequest>

export const RefundPosting = z.object({
  refundPostingId: z.string(),
  refundId: z.string(),
  paymentId: z.string(),
  accountNo: AccountNo,
  amountFen: Fen,
  reason: z.string(),
  refundedAt: IsoDateTime,
  postedAt: IsoDateTime,
  reversals: z.array(Allocation).describe('bill settlements undone, newest first'),
  unallocatedFen: Fen.describe('taken back from prepayment or the top-up receipt'),
})
export type RefundPosting = z.infer<typeof RefundPosting>

export const PostingsQuery = z.object({
  date: LocalDate.describe('business date: paidAt (refundedAt for refunds) in Asia/Shanghai'),
})
export const AccountPostingsQuery = z.object({
  from: LocalDate.optional().describe('postings paid (refunds refunded) on or after this date'),
  to: LocalDate.optional().describe('on or before this date'),
})
export const AccountPostings = z.object({
  accountNo: AccountNo,
  postings: z.array(Posting).describe('newest first, by paidAt'),
  refunds: z.array(RefundPosting).describe('newest first, by refundedAt'),
})

export const PostingsOfDay = z.object({
  date: LocalDate,
  postings: z.array(Posting),
  refunds: z.array(RefundPosting),
})
