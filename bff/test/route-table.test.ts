import Koa from 'koa'
import request from 'supertest'
import type { AppState } from '../src/platform/http/request-context'
import { RouteTable } from '../src/platform/http/route-table'

/*
 * The radix tree finds the common request's route; the router answers everything else. Either
 * way a caller sees the same: these requests go through both paths and compare.
 */

interface Seen {
  route: string
  params: Record<string, string>
}

function appWith(table: RouteTable, fast: boolean): Koa<AppState> {
  const app = new Koa<AppState>()
  if (fast) app.use(table.fastPath())
  app.use(table.router.routes())
  app.use(table.router.allowedMethods())
  return app
}

function tableOf(): RouteTable {
  const table = new RouteTable()
  const answer = (route: string) => (ctx: Koa.ParameterizedContext<AppState>) => {
    const seen: Seen = { route, params: { ...(ctx.params as Record<string, string>) } }
    ctx.body = seen
  }
  table.add('get', '/api/v1/accounts/:accountNo', answer('account'))
  table.add('get', '/api/v1/accounts/:accountNo/bills', answer('bills'))
  table.add('get', '/api/v1/accounts/:accountNo/bills/:billId', answer('bill'))
  table.add('post', '/api/v1/accounts/:accountNo/orders', answer('order'))
  table.add('get', '/api/v1/agent/audit', answer('audit'))
  table.add('get', '/api/v1/agent/audit.csv', answer('audit.csv'))
  table.add('get', '/api/v1/pay-shares/:token', answer('share'))
  return table
}

const requests: [string, string][] = [
  ['GET', '/api/v1/accounts/1000000001'],
  ['GET', '/api/v1/accounts/1000000001/bills'],
  ['GET', '/api/v1/accounts/1000000001/bills/B-2026-11'],
  ['POST', '/api/v1/accounts/1000000001/orders'],
  ['GET', '/api/v1/agent/audit'],
  ['GET', '/api/v1/agent/audit.csv'],
  ['GET', '/api/v1/pay-shares/Ab-_9xYz'],
  // Escapes are decoded by the router, as before.
  ['GET', '/api/v1/accounts/%31000000001/bills'],
  ['GET', '/api/v1/pay-shares/%E4%B8%AD%E6%96%87'],
  ['GET', '/api/v1/pay-shares/%E0%A4%A'],
  // A trailing slash, a wrong method, an unknown method, an empty parameter, a missing route.
  ['GET', '/api/v1/accounts/1000000001/'],
  ['PUT', '/api/v1/accounts/1000000001'],
  ['OPTIONS', '/api/v1/accounts/1000000001/orders'],
  ['GET', '/api/v1/accounts//bills'],
  ['GET', '/api/v1/nothing-here'],
  ['HEAD', '/api/v1/accounts/1000000001'],
]

test.each(requests)(
  'when %s %s is asked with and without the radix tree, then the answers are the same',
  async (method, path) => {
    const table = tableOf()
    const ask = (fast: boolean) =>
      request(appWith(table, fast).callback())[
        method.toLowerCase() as 'get' | 'post' | 'put' | 'options' | 'head'
      ](path)
    const [slow, fast] = [await ask(false), await ask(true)]
    expect(fast.status).toBe(slow.status)
    expect(fast.headers.allow).toEqual(slow.headers.allow)
    expect(fast.body).toEqual(slow.body)
  },
)

test('when a known route is asked on a plain path, then the tree runs it with its parameters', async () => {
  const table = tableOf()
  const res = await request(appWith(table, true).callback()).get(
    '/api/v1/accounts/1000000001/bills/B-1',
  )
  expect(res.body).toEqual({ route: 'bill', params: { accountNo: '1000000001', billId: 'B-1' } })
  // Without the router behind it, the tree alone answers the same.
  const alone = new Koa<AppState>().use(table.fastPath())
  const direct = await request(alone.callback()).get('/api/v1/accounts/1000000001/bills/B-1')
  expect(direct.body).toEqual(res.body)
  const miss = await request(alone.callback()).get('/api/v1/accounts/%31/bills/B-1')
  expect(miss.status).toBe(404)
})
