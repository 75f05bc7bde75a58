import { z } from 'zod'
import { defineRoute } from './route'
import { AccountParams, AccountNo, NoBody, NoQuery } from './common'

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
  query: NoQuery,
  body: NoBody,
  response: AccountSummary,
})
