import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import { z } from 'zod'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import { handleGateway } from './gateway'
import type { AlipayState } from './state'

export const AuthCodeRequest = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .describe('the resident; the same name is the same Alipay user'),
})
export const AuthCodeAnswer = z.object({ authCode: z.string(), expiresIn: z.number().int() })
export const TemplateMessagesQuery = z.object({
  toUserId: z.string().min(1).optional().describe('the to_open_id or to_user_id sent to'),
})

/** The gateway at Alipay's own path, and the bill files its download links point at. */
export function alipayRouter(state: AlipayState): Router {
  const router = new Router()

  router.get('/gateway.do', (ctx) => handleGateway(ctx, state))
  router.post('/gateway.do', (ctx) => handleGateway(ctx, state))

  router.get('/alipay/bills/:token', (ctx) => {
    const file = state.bills.get(ctx.params.token ?? '')
    if (!file) throw new SandboxError(404, 'NOT_FOUND', '账单链接不存在或已过期')
    ctx.type = 'application/octet-stream'
    ctx.set(
      'content-disposition',
      `attachment; filename="bill.csv.zip"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    ctx.body = file.data
  })

  if (state.devEndpoints) {
    router.post('/sandbox/alipay/auth-code', bodyParser({ enableTypes: ['json'] }), (ctx) => {
      const { name } = parseOr400(AuthCodeRequest, ctx.request.body)
      ctx.body = state.users.issueCode(name) satisfies z.infer<typeof AuthCodeAnswer>
    })
    router.get('/sandbox/alipay/template-messages', (ctx) => {
      const { toUserId } = parseOr400(TemplateMessagesQuery, ctx.query)
      ctx.body = { items: state.templateMessages.list(toUserId) }
    })
  }

  return router
}
