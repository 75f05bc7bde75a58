import { z } from 'zod'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import { changeOperations, changeSchemas } from './customers-changes'
import { connectionOperations, connectionSchemas } from './customers-connections'
import type { Contract } from './openapi'

/**
 * Customers port (CIS: customer information system). Upstreams hold real personal data, so
 * records are unmasked here; the BFF masks before anything reaches a resident.
 */

export const AccountKind = z
  .enum(['iot_prepaid', 'ic_prepaid', 'postpaid_gas', 'heating'])
  .describe(
    'iot_prepaid: prepaid gas, IoT meter credited remotely; ic_prepaid: prepaid gas, IC-card ' +
      'meter; postpaid_gas: monthly gas bill; heating: district heating, area-based season fee',
  )
export type AccountKind = z.infer<typeof AccountKind>

export const AccountStatus = z
  .enum(['active', 'arrears', 'suspended'])
  .describe('arrears: overdue bills; suspended: supply stopped, no top-ups or new services')
export type AccountStatus = z.infer<typeof AccountStatus>

export const CareTag = z
  .enum(['elderly', 'living_alone'])
  .describe('Registered care needs (特殊关爱户); drive safety visits and 长辈模式 prompts')
export type CareTag = z.infer<typeof CareTag>

export const Address = z.object({
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string().describe('street and number, or township for rural addresses'),
  community: z.string().describe('小区, or village (村) for rural addresses'),
  building: z.string().nullable().describe('null in villages without numbered buildings'),
  unit: z.string().nullable(),
  room: z.string(),
  full: z.string().describe('the whole address as printed on a bill'),
})
export type Address = z.infer<typeof Address>

export const CustomerAccount = z.object({
  accountNo: AccountNo,
  kind: AccountKind,
  status: AccountStatus,
  holderName: z.string().min(1),
  phone: z
    .string()
    .regex(/^1\d{10}$/)
    .describe('mobile number, 11 digits'),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/)
    .describe('resident identity card number, 18 characters with ISO 7064 check'),
  address: Address,
  areaCode: z
    .string()
    .regex(/^\d{8}$/)
    .describe('service area (片区): 6-digit district division code + 2-digit zone'),
  meterNo: z.string().nullable().describe('gas meter number; null for area-billed heating'),
  openedAt: IsoDateTime,
  careTags: z.array(CareTag),
  holderSince: IsoDateTime.optional().describe(
    'when the current holder took the account over (opening, or the last approved 过户)',
  ),
  closedAt: IsoDateTime.nullable()
    .optional()
    .describe('销户: when the account closed (status suspended from then on); null while open'),
  mailingAddress: z
    .string()
    .nullable()
    .optional()
    .describe('信息变更: where letters go, if not home'),
})
export type CustomerAccount = z.infer<typeof CustomerAccount>

export const AccountPathParams = z.object({ accountNo: AccountNo })

export const VerifyHolderRequest = z.object({
  holderName: z.string().trim().min(1).max(40).describe('full name, or surname only'),
  phoneLast4: z.string().regex(/^\d{4}$/),
})
export type VerifyHolderRequest = z.infer<typeof VerifyHolderRequest>

export const VerifyHolderResponse = z.object({ match: z.boolean() })
export type VerifyHolderResponse = z.infer<typeof VerifyHolderResponse>

export const FindByPhoneRequest = z.object({
  phone: z
    .string()
    .regex(/^1\d{10}$/)
    .describe('the holder’s full mobile number, 11 digits; matched exactly'),
})
export type FindByPhoneRequest = z.infer<typeof FindByPhoneRequest>

export const FindByPhoneResponse = z.object({
  items: z.array(CustomerAccount).max(20).describe('account-number order, at most 20'),
})
export type FindByPhoneResponse = z.infer<typeof FindByPhoneResponse>

const invalid = { description: 'Malformed account number or body', schema: UpstreamError }
const notFound = { description: 'No such account (ACCOUNT_NOT_FOUND)', schema: UpstreamError }
const unavailable = { description: 'Upstream unavailable; safe to retry', schema: UpstreamError }

export const customersContract: Contract = {
  port: 'customers',
  title: 'Customers port (CIS)',
  version: '1.0.0',
  description:
    'Accounts (户号), holders, addresses, meter assignment and service areas. Errors use ' +
    '`{ code, message }`. Records are unmasked: the caller is responsible for masking.',
  basePath: '/customers/v1',
  schemas: {
    AccountNo,
    AccountKind,
    AccountStatus,
    CareTag,
    Address,
    CustomerAccount,
    VerifyHolderRequest,
    VerifyHolderResponse,
    FindByPhoneRequest,
    FindByPhoneResponse,
    ...changeSchemas,
    ...connectionSchemas,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'getAccount',
      method: 'get',
      path: '/accounts/:accountNo',
      summary: 'One account with its holder, address and meter',
      params: AccountPathParams,
      responses: {
        200: { description: 'The account', schema: CustomerAccount },
        400: invalid,
        404: notFound,
        503: unavailable,
      },
    },
    {
      operationId: 'verifyHolder',
      method: 'post',
      path: '/accounts/:accountNo/verify-holder',
      summary: 'Checks a binding proof: holder name (or surname) and last 4 digits of the phone',
      description:
        'Answers only match or no match, never which part differed. Callers must rate-limit.',
      params: AccountPathParams,
      body: VerifyHolderRequest,
      responses: {
        200: { description: 'Whether the proof matches', schema: VerifyHolderResponse },
        400: invalid,
        404: notFound,
        503: unavailable,
      },
    },
    {
      operationId: 'findAccountsByPhone',
      method: 'post',
      path: '/accounts/search-by-phone',
      summary: 'The accounts whose holder has this mobile number (exact match)',
      description:
        'A POST so the number stays out of URLs and access logs. An unknown number answers an ' +
        'empty list. Callers must check their own scope and audit the search.',
      body: FindByPhoneRequest,
      responses: {
        200: { description: 'The matching accounts', schema: FindByPhoneResponse },
        400: invalid,
        503: unavailable,
      },
    },
    ...changeOperations,
    ...connectionOperations,
  ],
}
