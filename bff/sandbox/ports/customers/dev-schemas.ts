import { z } from 'zod'
import { UpstreamError } from '../../../contracts/common'
import { ChangeRecord } from '../../../contracts/customers-changes'
import type { ContractOperation } from '../../../contracts/openapi'

/** POST /sandbox/customers/changes/:changeId/decision: a clerk's decision, given now. */
export const ChangeDecision = z
  .object({
    approve: z.boolean(),
    reason: z.string().trim().min(1).max(100).optional().describe('why it was rejected'),
  })
  .strict()
export type ChangeDecision = z.infer<typeof ChangeDecision>

const ChangeIdParam = z.object({ changeId: z.string().min(1).max(64) })

export const customersDevSchemas = { ChangeDecision }

export const customersDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'decideChange',
    method: 'post',
    path: '/sandbox/customers/changes/:changeId/decision',
    summary: 'A clerk’s decision on a 过户 / 销户 / 信息变更 request, given now',
    description:
      'Without it a request is reviewed 2 h and decided 24 h after it arrives (sandbox clock). ' +
      'An approved 销户 is still rejected when money is owed at that moment.',
    params: ChangeIdParam,
    body: ChangeDecision,
    responses: {
      200: { description: 'The request as decided', schema: ChangeRecord },
      400: { description: 'Invalid body', schema: UpstreamError },
      404: { description: 'CHANGE_NOT_FOUND', schema: UpstreamError },
      409: { description: 'CHANGE_DECIDED: already decided', schema: UpstreamError },
    },
  },
]
