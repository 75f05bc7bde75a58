import { z } from 'zod'
import { defineRoute } from './route'
import { AccountParams, AccountNo, IsoDateTime } from './common'
import { SmsCode, SmsSent } from './auth'

export const AccountKind = z.enum(['iot_prepaid', 'ic_prepaid', 'postpaid_gas', 'heating'])
export type AccountKind = z.infer<typeof AccountKind>

export const AccountStatus = z.enum(['active', 'arrears', 'suspended'])
export type AccountStatus = z.infer<typeof AccountStatus>

/** An account as the resident sees it; personal fields are masked. */
export const AccountSummary = z.object({
  accountNo: AccountNo,
  kind: AccountKind,
  status: AccountStatus,
  holderNameMasked: z.string(),
  addressMasked: z.string(),
  areaCode: z.string(),
})
export type AccountSummary = z.infer<typeof AccountSummary>

export const getAccount = defineRoute({
  id: 'getAccount',
  method: 'get',
  path: '/accounts/:accountNo',
  summary: 'One bound account, masked',
  tag: 'accounts',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  response: AccountSummary,
})

/** What the resident calls an account: 我家, 父母家, 出租房. */
export const AccountLabel = z
  .string()
  .trim()
  .min(1, { message: '请填写备注名' })
  .max(10, { message: '备注名最多10个字' })

export const BindingRole = z
  .enum(['owner', 'family'])
  .describe('owner: bound with the holder proof; family: joined through an owner’s invite')
export type BindingRole = z.infer<typeof BindingRole>

/** One account bound to the caller. `summary` is null when the CIS could not be reached. */
export const BoundAccount = z.object({
  accountNo: AccountNo,
  label: z.string().nullable(),
  isDefault: z.boolean(),
  role: BindingRole,
  boundAt: IsoDateTime,
  summary: AccountSummary.nullable(),
})
export type BoundAccount = z.infer<typeof BoundAccount>

export const listAccounts = defineRoute({
  id: 'listAccounts',
  method: 'get',
  path: '/accounts',
  summary: 'The caller’s bound accounts with labels and the default, masked',
  tag: 'accounts',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  response: z.object({ accounts: z.array(BoundAccount) }),
})

export const BindAccountRequest = z.object({
  accountNo: AccountNo,
  holderName: z
    .string()
    .trim()
    .min(1, { message: '请填写户主姓名或姓氏' })
    .max(20, { message: '户主姓名最多20个字' }),
  phoneLast4: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { message: '请填写预留手机号后4位' }),
  label: AccountLabel.optional(),
})
export type BindAccountRequest = z.infer<typeof BindAccountRequest>

export const bindAccount = defineRoute({
  id: 'bindAccount',
  method: 'post',
  path: '/bindings',
  summary:
    'Binds an account with the holder proof (name or surname + last 4 phone digits). Rate-limited per user, account and IP; a wrong proof and an unknown account answer alike.',
  tag: 'accounts',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  body: BindAccountRequest,
  response: BoundAccount,
})

/*
 * Binding by SMS: a code goes to the account's reserved phone (预留手机号) as the CIS holds it;
 * the caller never names a phone, so a code cannot be sent anywhere else. This path has its own
 * limits and is not closed by the holder-proof lock-out above.
 */

export const SendBindingCodeRequest = z.object({ accountNo: AccountNo }).strict()
export type SendBindingCodeRequest = z.infer<typeof SendBindingCodeRequest>

export const sendBindingCode = defineRoute({
  id: 'sendBindingCode',
  method: 'post',
  path: '/bindings/sms/send',
  summary:
    'Sends a 6-digit binding code by SMS to the account’s reserved phone and answers with that phone masked (its last digits hidden: they are the holder proof). Rate-limited per user and account, per user and per account; an unknown account answers alike.',
  tag: 'accounts',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  body: SendBindingCodeRequest,
  response: SmsSent,
})

export const BindBySmsRequest = z
  .object({ accountNo: AccountNo, code: SmsCode, label: AccountLabel.optional() })
  .strict()
export type BindBySmsRequest = z.infer<typeof BindBySmsRequest>

export const bindAccountBySms = defineRoute({
  id: 'bindAccountBySms',
  method: 'post',
  path: '/bindings/sms/verify',
  summary:
    'Binds an account as its owner with the code sent to the reserved phone: single use, 5 tries, 5 minutes, valid only for the user who asked for it.',
  tag: 'accounts',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  body: BindBySmsRequest,
  response: BoundAccount,
})

export const updateBinding = defineRoute({
  id: 'updateBinding',
  method: 'patch',
  path: '/accounts/:accountNo/binding',
  summary: 'Renames a bound account or makes it the default',
  tag: 'accounts',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: AccountParams,
  body: z
    .object({ label: AccountLabel.nullable().optional(), isDefault: z.literal(true).optional() })
    .strict()
    .refine((b) => b.label !== undefined || b.isDefault !== undefined, {
      message: '请填写要修改的内容',
    }),
  response: BoundAccount,
})

export const unbindAccount = defineRoute({
  id: 'unbindAccount',
  method: 'delete',
  path: '/accounts/:accountNo/binding',
  summary:
    'Unbinds the account from the caller; when the last owner leaves, family members lose it too',
  tag: 'accounts',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: AccountParams,
  response: z.object({ unbound: z.literal(true) }),
})
