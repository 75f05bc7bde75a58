import { z } from 'zod'
import { IsoDateTime, UpstreamError } from '../../../contracts/common'
import type { ContractOperation } from '../../../contracts/openapi'
import { SmsTemplate } from '../../../contracts/sms'
import { SmsListQuery } from './routes'

export const SentSms = z.object({
  messageId: z.string(),
  phone: z.string(),
  template: SmsTemplate,
  params: z.record(z.string(), z.string()),
  text: z.string().describe('as the phone shows it'),
  sentAt: IsoDateTime,
  code: z.string().nullable().describe('the verification code, for tests'),
})

/** Named in the sandbox's OpenAPI document (GET /sandbox/openapi.json). */
export const smsDevSchemas = { SentSms }

export const smsDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'listSms',
    method: 'get',
    path: '/sandbox/sms',
    summary: 'Text messages sent to one phone, newest first (the inbox of a test phone)',
    query: SmsListQuery,
    responses: {
      200: { description: 'Messages', schema: z.object({ items: z.array(SentSms) }) },
      400: { description: 'Not an 11-digit mainland mobile number', schema: UpstreamError },
    },
  },
]
