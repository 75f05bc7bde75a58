import Koa from 'koa'
import request from 'supertest'
import { DomainError, errorCatalogue, type ErrorCode } from '@gh/shared'
import { AppError } from '../src/platform/app-error'
import { errorMiddleware } from '../src/platform/http/error-middleware'
import type { AppState } from '../src/platform/http/request-context'
import { createLogger } from '../src/platform/logger'
import { UpstreamError } from '../src/platform/upstream-client'

/** A bare app whose one handler throws what the test gives it. */
function throwing(err: unknown) {
  const app = new Koa<AppState>()
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-test-1'
    ctx.state.log = createLogger('silent')
    await next()
  })
  app.use(errorMiddleware())
  app.use(() => {
    throw err
  })
  return request(app.callback())
}

test.each(Object.keys(errorCatalogue) as ErrorCode[])(
  'when a handler throws AppError %s, then the answer carries the catalogue’s status and message',
  async (code) => {
    const res = await throwing(new AppError(code, { message: 'for the log only' })).get('/')
    expect(res.status).toBe(errorCatalogue[code].status)
    expect(res.body).toEqual({
      error: { code, message: errorCatalogue[code].message, requestId: 'req-test-1' },
    })
  },
)

test('when a site gives its own Chinese message, then that message is shown with the catalogue’s status', async () => {
  const err = new AppError('PAYMENT_REFUSED', { userMessage: '该户号已停止供气，暂时不能充值' })
  const res = await throwing(err).get('/')
  expect(res.status).toBe(422)
  expect(res.body.error.message).toBe('该户号已停止供气，暂时不能充值')
})

test.each([
  ['timeout', 504, 'UPSTREAM_TIMEOUT'],
  ['unavailable', 503, 'UPSTREAM_UNAVAILABLE'],
  ['circuit_open', 503, 'UPSTREAM_UNAVAILABLE'],
  ['bad_response', 502, 'UPSTREAM_ERROR'],
  ['rejected', 502, 'UPSTREAM_ERROR'],
] as const)('when an upstream fails with %s, then %i %s', async (kind, status, code) => {
  const res = await throwing(new UpstreamError('billing', kind, 'billing failed')).get('/')
  expect(res.status).toBe(status)
  expect(res.body.error).toMatchObject({ code, message: errorCatalogue[code].message })
})

test('when a domain rule breaks inside a request, then 500 INTERNAL without the rule’s text', async () => {
  const res = await throwing(new DomainError('INVALID_YUAN_STRING', 'amount is too large')).get('/')
  expect(res.status).toBe(500)
  expect(res.body.error).toMatchObject({
    code: 'INTERNAL',
    message: errorCatalogue.INTERNAL.message,
  })
  expect(JSON.stringify(res.body)).not.toContain('amount is too large')
})

test('when Koa refuses with its own status, then the status stays and names the code', async () => {
  const unsupported = Object.assign(new Error('unsupported media type'), { status: 415 })
  const res = await throwing(unsupported).get('/')
  expect(res.status).toBe(415)
  expect(res.body.error.code).toBe('BAD_REQUEST')
})
