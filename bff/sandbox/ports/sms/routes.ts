import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import { z } from 'zod'
import { MainlandMobile, SendSmsRequest, type SendSmsResponse } from '../../../contracts/sms'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import type { SmsOutbox } from './outbox'

export interface SmsState {
  readonly outbox: SmsOutbox
  readonly devEndpoints: boolean
}

export const SmsListQuery = z.object({ phone: MainlandMobile })

/** The SMS gateway (bff/contracts/sms.ts) and, outside production, its inbox for testers. */
export function smsRouter(state: SmsState): Router {
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.post('/sms/v1/send', (ctx) => {
    const request = parseOr400(SendSmsRequest, ctx.request.body)
    const key = ctx.get('idempotency-key') || undefined
    const sent = state.outbox.send(request, key)
    if ('conflict' in sent) {
      throw new SandboxError(409, 'IDEMPOTENCY_CONFLICT', '同一幂等键对应了不同的短信')
    }
    if ('retryAfterSeconds' in sent) {
      ctx.set('retry-after', String(sent.retryAfterSeconds))
      throw new SandboxError(429, 'SMS_RATE_LIMITED', '发送过于频繁，请稍后再试')
    }
    ctx.body = { messageId: sent.messageId, acceptedAt: sent.sentAt } satisfies SendSmsResponse
  })

  if (state.devEndpoints) {
    router.get('/sandbox/sms', (ctx) => {
      const { phone } = parseOr400(SmsListQuery, ctx.query)
      ctx.body = {
        items: state.outbox.list(phone).map(({ sentAtMs: _ms, ...message }) => ({
          ...message,
          code: message.params.code ?? null,
        })),
      }
    })
  }

  return router
}
