import { z } from 'zod'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { ContractOperation } from './openapi'

/**
 * Account changes the CIS decides after a clerk has looked at the documents: 过户 (the holder
 * changes), 销户 (the account closes; any prepaid credit is refunded, nothing may be owed) and
 * 信息变更 (contact phone, mailing address). A request is submitted with references to document
 * photos the caller stores itself, reviewed, then approved or rejected with a reason; the
 * effect applies when it is approved.
 */

const ChangePath = z.object({ accountNo: AccountNo })

export const ChangeKind = z
  .enum(['transfer', 'close', 'update'])
  .describe('transfer: 过户; close: 销户; update: 信息变更 (phone, mailing address)')
export type ChangeKind = z.infer<typeof ChangeKind>

export const ChangeStatus = z
  .enum(['submitted', 'reviewing', 'approved', 'rejected'])
  .describe('submitted → reviewing → approved | rejected')
export type ChangeStatus = z.infer<typeof ChangeStatus>

export const ChangeDocumentKind = z
  .enum(['property_certificate', 'purchase_contract', 'id_card'])
  .describe('房产证, 购房合同, 身份证')

export const ChangeDocument = z.object({
  kind: ChangeDocumentKind,
  ref: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,64}$/)
    .describe('the caller’s reference of the stored photo; the CIS never receives the image'),
})

const Phone = z.string().regex(/^1\d{10}$/)

export const TransferDetails = z.object({
  holderName: z.string().trim().min(1).max(40),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/)
    .describe('the new holder’s identity card number, as on the card photographed'),
  phone: Phone,
})

export const UpdateDetails = z
  .object({
    phone: Phone.optional(),
    mailingAddress: z.string().trim().min(4).max(120).optional(),
  })
  .refine((u) => u.phone !== undefined || u.mailingAddress !== undefined, {
    message: 'nothing to change',
  })

export const ChangeRequest = z.object({
  changeId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,64}$/)
    .describe('the caller’s id, also the idempotency key: the same id answers the first result'),
  kind: ChangeKind,
  documents: z.array(ChangeDocument).max(9),
  transfer: TransferDetails.optional().describe('kind transfer only'),
  update: UpdateDetails.optional().describe('kind update only'),
})
export type ChangeRequest = z.infer<typeof ChangeRequest>

export const ChangeRefusal = z
  .enum(['ACCOUNT_HAS_UNPAID', 'CHANGE_OPEN', 'ACCOUNT_CLOSED', 'CHANGE_DETAILS_MISSING'])
  .describe(
    'ACCOUNT_HAS_UNPAID: 销户 while money is owed (the message names the amount); CHANGE_OPEN: ' +
      'another request of the account is not decided yet; ACCOUNT_CLOSED: the account is closed',
  )

export const ChangeRecord = z.object({
  changeId: z.string(),
  accountNo: AccountNo,
  kind: ChangeKind,
  status: ChangeStatus,
  submittedAt: IsoDateTime,
  reviewingAt: IsoDateTime.nullable().describe('when a clerk took it up'),
  decidedAt: IsoDateTime.nullable(),
  rejectionCode: z.string().nullable(),
  rejectionReason: z.string().nullable().describe('the rule’s own words, for the applicant'),
  documents: z.array(ChangeDocument),
  transfer: TransferDetails.nullable(),
  update: z.object({ phone: Phone.nullable(), mailingAddress: z.string().nullable() }).nullable(),
  refundFen: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe('销户 approved: the prepaid credit refunded, in fen'),
  amountDueFen: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe('销户 rejected for money owed: what was owed at the decision'),
})
export type ChangeRecord = z.infer<typeof ChangeRecord>

export const ChangeList = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  changes: z.array(ChangeRecord).describe('newest first'),
})
export type ChangeList = z.infer<typeof ChangeList>

export const ChangeParams = ChangePath.extend({ changeId: z.string().min(1).max(64) })

const invalid = { description: 'Malformed request', schema: UpstreamError }
const notFound = { description: 'No such account or request', schema: UpstreamError }
const unavailable = { description: 'Upstream unavailable; safe to retry', schema: UpstreamError }

export const changeSchemas = {
  ChangeKind,
  ChangeStatus,
  ChangeDocumentKind,
  ChangeDocument,
  TransferDetails,
  ChangeRequest,
  ChangeRefusal,
  ChangeRecord,
  ChangeList,
}

export const changeOperations: ContractOperation[] = [
  {
    operationId: 'submitChange',
    method: 'post',
    path: '/accounts/:accountNo/changes',
    summary: 'Submits a 过户 / 销户 / 信息变更 request with its document references',
    description:
      'Idempotent by changeId: a repeat answers the first record (200); a different request ' +
      'under the same id is 409 IDEMPOTENCY_MISMATCH. Refusals are 422 with a ChangeRefusal ' +
      'code (409 for CHANGE_OPEN).',
    params: ChangePath,
    body: ChangeRequest,
    responses: {
      200: { description: 'Already submitted under this id', schema: ChangeRecord },
      201: { description: 'Submitted', schema: ChangeRecord },
      400: invalid,
      404: notFound,
      409: { description: 'CHANGE_OPEN or IDEMPOTENCY_MISMATCH', schema: UpstreamError },
      422: { description: 'Refused by a rule (ChangeRefusal)', schema: UpstreamError },
      503: unavailable,
    },
  },
  {
    operationId: 'listChanges',
    method: 'get',
    path: '/accounts/:accountNo/changes',
    summary: 'The account’s change requests and where each stands now',
    params: ChangePath,
    responses: {
      200: { description: 'The requests', schema: ChangeList },
      400: invalid,
      404: notFound,
      503: unavailable,
    },
  },
  {
    operationId: 'getChange',
    method: 'get',
    path: '/accounts/:accountNo/changes/:changeId',
    summary: 'One change request',
    params: ChangeParams,
    responses: {
      200: { description: 'The request', schema: ChangeRecord },
      400: invalid,
      404: notFound,
      503: unavailable,
    },
  },
]
