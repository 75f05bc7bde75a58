import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import type { Context } from 'koa'
import { z } from 'zod'
import { parseOr400 } from '../../middleware/errors'
import type { WechatLogin } from './login'
import type { SubscribeMessages } from './messages'
import { unlimitedCode } from './wxacode'

export interface WechatState {
  readonly login: WechatLogin
  readonly messages: SubscribeMessages
  readonly production: boolean
}

export const LoginCodeRequest = z.object({ name: z.string().trim().min(1).max(64) })
export const MessagesQuery = z.object({ openid: z.string().optional() })
export const WxacodeQuery = z.object({
  scene: z.string(),
  page: z.string().optional(),
  env_version: z.string().optional(),
})

/** api.weixin.qq.com answers HTTP 200 with `{ errcode, errmsg }` for every failure. */
function answer(ctx: Context, body: object): void {
  ctx.status = 200
  ctx.body = body
}

/**
 * The mini-program side of WeChat (api.weixin.qq.com): login, access tokens, subscription
 * messages and mini-program codes, at the real paths; plus developer endpoints under /sandbox.
 */
export function wechatRouter(state: WechatState): Router {
  const { login, messages } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'], encoding: 'utf-8' }))

  router.get('/sns/jscode2session', (ctx) => answer(ctx, login.exchange(ctx.query)))
  router.get('/cgi-bin/token', (ctx) => answer(ctx, login.issueToken(ctx.query)))

  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    const denied = login.checkToken(ctx.query.access_token)
    answer(ctx, denied ?? messages.send(ctx.request.body))
  })

  router.post('/wxa/getwxacodeunlimit', (ctx) => {
    const denied = login.checkToken(ctx.query.access_token)
    if (denied) return answer(ctx, denied)
    // Koa 3's ctx.origin is the Origin request header; this is the address the caller used.
    const result = unlimitedCode(`${ctx.protocol}://${ctx.host}`, ctx.request.body ?? {})
    if (!Buffer.isBuffer(result)) return answer(ctx, result)
    ctx.type = 'image/png'
    ctx.body = result
  })

  if (state.production) return router

  /** What wx.login gives a mini-program: a single-use code for this resident, valid 5 minutes. */
  router.post('/sandbox/wechat/login-code', (ctx) => {
    const { name } = parseOr400(LoginCodeRequest, ctx.request.body)
    ctx.body = { code: login.issueCode(name), expiresIn: 300 }
  })

  router.get('/sandbox/subscribe-messages', (ctx) => {
    const { openid } = parseOr400(MessagesQuery, ctx.query)
    ctx.body = { items: messages.list(openid) }
  })

  /** Where a sandbox mini-program code leads: the scene and page it was made for. */
  router.get('/sandbox/wxacode', (ctx) => {
    const query = parseOr400(WxacodeQuery, ctx.query)
    ctx.body = {
      scene: query.scene,
      page: query.page ?? null,
      envVersion: query.env_version ?? 'release',
    }
  })

  return router
}
