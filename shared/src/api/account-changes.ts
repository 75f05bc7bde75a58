import { z } from 'zod'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'
import { RepairPhotoId } from './repairs'
import { defineRoute } from './route'

/**
 * 过户 / 销户 / 信息变更 of a gas or heating account. The request carries photos of documents
 * (房产证 or 购房合同, 身份证) uploaded through the photo upload first; the utility's clerks review
 * it and approve or reject it with a reason. Documents are never shown back, not even as
 * thumbnails: a request says only how many were uploaded.
 */

export const AccountChangeKind = z
  .enum(['transfer', 'close', 'update'])
  .describe('transfer 过户 (new holder); close 销户 (refund of prepaid credit); update 信息变更')
export type AccountChangeKind = z.infer<typeof AccountChangeKind>

export const ACCOUNT_CHANGE_KIND_LABELS: Record<AccountChangeKind, string> = {
  transfer: '过户',
  close: '销户',
  update: '信息变更',
}

export const AccountChangeDocumentKind = z
  .enum(['property', 'id_card'])
  .describe('property: 房产证或购房合同; id_card: 身份证')
export type AccountChangeDocumentKind = z.infer<typeof AccountChangeDocumentKind>

export const ACCOUNT_CHANGE_DOCUMENT_LABELS: Record<AccountChangeDocumentKind, string> = {
  property: '房产证或购房合同',
  id_card: '身份证',
}

export const AccountChangeDocument = z.object({
  kind: AccountChangeDocumentKind,
  photoId: RepairPhotoId,
})
export type AccountChangeDocument = z.infer<typeof AccountChangeDocument>

const MobilePhone = z.string().regex(/^1\d{10}$/, { message: '请填写11位手机号码' })

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECKS = '10X98765432'

/** A resident identity card number whose ISO 7064 check character is right. */
export function isIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0)
  return ID_CHECKS[sum % 11] === value[17]
}

export const IdNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isIdNumber, { message: '请填写正确的18位身份证号码' })

const needs =
  (kinds: readonly AccountChangeDocumentKind[], message: string) =>
  (r: { documents: AccountChangeDocument[] }) =>
    kinds.every((k) => r.documents.some((d) => d.kind === k)) || message

const Documents = z.array(AccountChangeDocument).max(6, { message: '照片最多6张' })

export const TransferRequest = z
  .object({
    kind: z.literal('transfer'),
    newHolder: z.object({
      name: z
        .string()
        .trim()
        .min(2, { message: '请填写新户主姓名' })
        .max(20, { message: '姓名最多20个字' }),
      idNumber: IdNumber,
      phone: MobilePhone,
    }),
    documents: Documents,
  })
  .strict()

export const CloseRequest = z.object({ kind: z.literal('close'), documents: Documents }).strict()

export const UpdateRequest = z
  .object({
    kind: z.literal('update'),
    phone: MobilePhone.optional(),
    mailingAddress: z
      .string()
      .trim()
      .min(4, { message: '请填写详细的邮寄地址' })
      .max(60, { message: '地址最多60个字' })
      .optional(),
    documents: Documents,
  })
  .strict()

export const CreateAccountChangeRequest = z
  .discriminatedUnion('kind', [TransferRequest, CloseRequest, UpdateRequest])
  .superRefine((r, ctx) => {
    const problem =
      r.kind === 'transfer'
        ? needs(['property', 'id_card'], '过户请上传房产证（或购房合同）和新户主身份证照片')(r)
        : r.kind === 'close'
          ? needs(['id_card'], '销户请上传户主身份证照片')(r)
          : r.phone === undefined && r.mailingAddress === undefined
            ? '请填写新的联系电话或邮寄地址'
            : true
    if (problem !== true) ctx.addIssue({ code: 'custom', message: problem, path: ['documents'] })
  })
export type CreateAccountChangeRequest = z.infer<typeof CreateAccountChangeRequest>

export const AccountChangeStatus = z
  .enum(['submitted', 'reviewing', 'approved', 'rejected'])
  .describe('已提交 → 审核中 → 已办结 | 未通过')
export type AccountChangeStatus = z.infer<typeof AccountChangeStatus>

export const AccountChangeStep = z.object({
  label: z.string(),
  done: z.boolean(),
  at: IsoDateTime.nullable(),
})

export const AccountChange = z.object({
  changeId: z.string(),
  accountNo: AccountNo,
  kind: AccountChangeKind,
  kindLabel: z.string(),
  status: AccountChangeStatus,
  statusLabel: z.string(),
  submittedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
  /** What was asked, masked: '新户主 王**，手机 138****5678'. */
  detail: z.string(),
  /** Only how many photos: they are never shown back. */
  documents: z.object({ count: z.number().int().min(0), text: z.string() }),
  /** The rule's own words when rejected. */
  rejectionReason: z.string().nullable(),
  /** 销户: the prepaid credit refunded, once approved. */
  refundFen: Fen.nullable(),
  /** The result in a sentence, once decided; what happens next before. */
  result: z.string(),
  steps: z.array(AccountChangeStep),
})
export type AccountChange = z.infer<typeof AccountChange>

export const AccountChanges = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  /** A new request is taken now; else why not. */
  canApply: z.boolean(),
  reason: z.string().nullable(),
  /** Newest first. */
  changes: z.array(AccountChange),
})
export type AccountChanges = z.infer<typeof AccountChanges>

const common = { tag: 'account-changes', auth: 'user', accountScoped: true } as const

export const listAccountChanges = defineRoute({
  ...common,
  id: 'listAccountChanges',
  method: 'get',
  path: '/accounts/:accountNo/changes',
  summary:
    '过户 / 销户 / 信息变更 requests of the account and their progress (documents as a count only)',
  idempotent: false,
  params: AccountParams,
  response: AccountChanges,
})

export const createAccountChange = defineRoute({
  ...common,
  id: 'createAccountChange',
  method: 'post',
  path: '/accounts/:accountNo/changes',
  summary:
    'Submits a 过户, 销户 or 信息变更 request with document photos; 销户 is refused while money is owed (ACCOUNT_CHANGE_UNPAID)',
  idempotent: true,
  params: AccountParams,
  body: CreateAccountChangeRequest,
  response: AccountChange,
})

export const accountChangeRoutes = { listAccountChanges, createAccountChange } as const
