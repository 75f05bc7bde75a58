import { z } from 'zod'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { ContractOperation } from './openapi'

/**
 * 报装: a new gas connection in the CIS. An application moves submitted → surveyed →
 * meter_installed (the CIS opens a prepaid IoT account for it) → ignited (the work-order
 * system's 通气点火 visit turned the gas on). Document photos stay with the BFF; the CIS gets
 * their references only.
 */

export const ConnectionStage = z.enum(['submitted', 'surveyed', 'meter_installed', 'ignited'])
export type ConnectionStage = z.infer<typeof ConnectionStage>

export const CreateConnectionRequest = z.object({
  requestId: z.string().min(8).max(64).describe('idempotency key: a repeat answers the first'),
  applicantName: z.string().min(1).max(40),
  phone: z.string().regex(/^1\d{10}$/),
  district: z.string().min(2).max(10).describe('district name, e.g. 新华区'),
  addressDetail: z.string().min(1).max(80),
  documentRefs: z.array(z.object({ kind: z.string(), ref: z.string() })).max(10),
  fromAccountNo: AccountNo.nullable(),
})
export type CreateConnectionRequest = z.infer<typeof CreateConnectionRequest>

export const ConnectionRecord = z.object({
  applicationId: z.string(),
  stage: ConnectionStage,
  applicantName: z.string(),
  address: z.string().describe('the whole address'),
  appliedAt: IsoDateTime,
  surveyedAt: IsoDateTime.nullable(),
  installedAt: IsoDateTime.nullable(),
  ignitedAt: IsoDateTime.nullable(),
  accountNo: AccountNo.nullable().describe('opened when the meter is installed'),
  fromAccountNo: AccountNo.nullable(),
})
export type ConnectionRecord = z.infer<typeof ConnectionRecord>

export const ConnectionPathParams = z.object({
  applicationId: z.string().regex(/^BZ\d{10}$/),
})

const invalid = {
  description: 'Malformed body or application id (INVALID_ARGUMENT)',
  schema: UpstreamError,
}
const unavailable = { description: 'Upstream unavailable; safe to retry', schema: UpstreamError }

export const connectionSchemas = {
  ConnectionStage,
  CreateConnectionRequest,
  ConnectionRecord,
}

export const connectionOperations: ContractOperation[] = [
  {
    operationId: 'createConnection',
    method: 'post',
    path: '/connections',
    summary: 'Applies for a new gas connection (报装) with the document references',
    description:
      'Idempotent by requestId: a repeat answers the first record (200); a different request ' +
      'under the same id is 409 IDEMPOTENCY_MISMATCH. A district the utility does not supply ' +
      'is 400 DISTRICT_NOT_SERVED.',
    body: CreateConnectionRequest,
    responses: {
      200: { description: 'Already applied under this requestId', schema: ConnectionRecord },
      201: { description: 'Applied', schema: ConnectionRecord },
      400: {
        description: 'INVALID_ARGUMENT, or DISTRICT_NOT_SERVED: no gas supply in that district',
        schema: UpstreamError,
      },
      409: { description: 'IDEMPOTENCY_MISMATCH', schema: UpstreamError },
      503: unavailable,
    },
  },
  {
    operationId: 'getConnection',
    method: 'get',
    path: '/connections/:applicationId',
    summary: 'One 报装 application and the stage it has reached',
    params: ConnectionPathParams,
    responses: {
      200: { description: 'The application', schema: ConnectionRecord },
      400: invalid,
      404: { description: 'NOT_FOUND: no such application', schema: UpstreamError },
      503: unavailable,
    },
  },
]
