import { z } from 'zod'
import { IsoDateTime, UpstreamError } from './common'
import type { Contract } from './openapi'

/**
 * SMS port: the utility's SMS gateway, used for the H5 build's phone login (mini-programs log in
 * with the platform instead). Templates are registered with the carrier in advance; callers
 * send a template name and its parameters, never free text.
 */

export const MainlandMobile = z
  .string()
  .regex(/^1[3-9]\d{9}$/)
  .describe('mainland China mobile number, 11 digits, no country code')

export const SmsTemplate = z
  .enum(['login_code', 'bind_code', 'service_notice'])
  .describe(
    'login_code: H5 login code; bind_code: code confirming an account binding; ' +
      'service_notice: a notice about an account (bill, balance, supply stop, repair, payment)',
  )
export type SmsTemplate = z.infer<typeof SmsTemplate>

const CodeParams = z
  .object({ code: z.string().regex(/^\d{4,8}$/) })
  .describe('the verification code')

/** Carriers cap each template variable's length; these are the registered template's caps. */
export const ServiceNoticeParams = z
  .object({
    title: z.string().min(1).max(20).describe('e.g. 账单提醒, 停气通知'),
    account: z.string().min(1).max(16).describe('the masked account number'),
    detail: z.string().min(1).max(70).describe('what happened and what to do'),
  })
  .describe('【燃气供热】{title}：户号{account}，{detail}')
export type ServiceNoticeParams = z.infer<typeof ServiceNoticeParams>

export const SendSmsRequest = z.discriminatedUnion('template', [
  z.object({
    phone: MainlandMobile,
    template: z.enum(['login_code', 'bind_code']),
    params: CodeParams,
  }),
  z.object({
    phone: MainlandMobile,
    template: z.literal('service_notice'),
    params: ServiceNoticeParams,
  }),
])
export type SendSmsRequest = z.infer<typeof SendSmsRequest>

export const SendSmsResponse = z.object({
  messageId: z.string(),
  acceptedAt: IsoDateTime,
})
export type SendSmsResponse = z.infer<typeof SendSmsResponse>

const invalid = { description: 'Malformed phone, template or parameters', schema: UpstreamError }

export const smsContract: Contract = {
  port: 'sms',
  title: 'SMS port',
  version: '1.0.0',
  description:
    'Sends template text messages. Errors use `{ code, message }`. Per phone the gateway ' +
    'accepts one message a minute and ten a day (429 SMS_RATE_LIMITED, with Retry-After).',
  basePath: '/sms/v1',
  schemas: {
    MainlandMobile,
    SmsTemplate,
    ServiceNoticeParams,
    SendSmsRequest,
    SendSmsResponse,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'sendSms',
      method: 'post',
      path: '/send',
      summary: 'Sends one templated message to one mainland mobile number',
      body: SendSmsRequest,
      responses: {
        200: { description: 'Accepted for delivery', schema: SendSmsResponse },
        400: invalid,
        429: {
          description: 'Too many messages to this phone (SMS_RATE_LIMITED)',
          schema: UpstreamError,
        },
        503: {
          description: 'Gateway unavailable; retry with the same Idempotency-Key',
          schema: UpstreamError,
        },
      },
    },
  ],
}
