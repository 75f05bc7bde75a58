import http from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { z } from 'zod'
import { ErrorEnvelope } from '@gh/shared'
import { createLogger } from '../src/platform/logger'
import { createMetrics } from '../src/platform/metrics'
import { UpstreamClient, UpstreamError } from '../src/platform/upstream-client'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/** An upstream that answers each request after `delayMs` and remembers the most it held at once. */
async function slowServer(delayMs: number) {
  let inFlight = 0
  let most = 0
  let hits = 0
  const server = http.createServer((_req, res) => {
    hits++
    inFlight++
    most = Math.max(most, inFlight)
    setTimeout(() => {
      inFlight--
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ value: 1 }))
    }, delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    most: () => most,
    hits: () => hits,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const Value = z.object({ value: z.number() })

function limitedClient(url: string, limits: { maxQueue: number; queueTimeoutMs: number }) {
  return new UpstreamClient({
    port: 'slow',
    baseUrl: url,
    timeoutMs: 2000,
    concurrency: { maxInFlight: 2, ...limits },
    logger: createLogger('silent'),
    metrics: createMetrics(),
  })
}

const settle = (c: UpstreamClient, n: number) =>
  Promise.allSettled(
    Array.from({ length: n }, () =>
      c.call({ operation: 'get', method: 'GET', path: '/x', response: Value }),
    ),
  )

const refusals = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as unknown)

describe('per-port concurrency limit', () => {
  test('when a slow port with a limit of 2 gets 5 calls at once, then 2 reach it at a time and the 3 queued are served as slots free', async () => {
    const s = await slowServer(100)
    const c = limitedClient(s.url, { maxQueue: 3, queueTimeoutMs: 2000 })
    try {
      const results = await settle(c, 5)
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
      expect(s.most()).toBe(2)
      expect(s.hits()).toBe(5)
    } finally {
      await c.close()
      await s.close()
    }
  })

  test('when the queue is full, then the calls beyond it are refused at once with the typed saturated error', async () => {
    const s = await slowServer(200)
    const c = limitedClient(s.url, { maxQueue: 1, queueTimeoutMs: 2000 })
    try {
      const results = await settle(c, 6)
      const refused = refusals(results)
      expect(refused).toHaveLength(3)
      for (const err of refused) {
        expect(err).toBeInstanceOf(UpstreamError)
        expect(err).toMatchObject({ port: 'slow', kind: 'saturated' })
      }
      // Refused calls never reached the upstream.
      expect(s.hits()).toBe(3)
      expect(s.most()).toBe(2)
    } finally {
      await c.close()
      await s.close()
    }
  })

  test('when queued calls wait longer than the queue timeout, then they are refused without reaching the port', async () => {
    const s = await slowServer(400)
    const c = limitedClient(s.url, { maxQueue: 10, queueTimeoutMs: 100 })
    try {
      const results = await settle(c, 5)
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
      expect(refusals(results).map((e) => (e as UpstreamError).kind)).toEqual([
        'saturated',
        'saturated',
        'saturated',
      ])
      expect(s.hits()).toBe(2)
    } finally {
      await c.close()
      await s.close()
    }
  })
})

describe('a saturated port through the BFF', () => {
  let core: CoreSandbox
  let bff: TestBff

  beforeAll(async () => {
    core = await startCoreSandbox('upstream-concurrency')
    bff = await startBff({
      upstreamUrl: core.url,
      now: core.now,
      database: 'sqlite',
      env: {
        UPSTREAM_CONCURRENCY: JSON.stringify({
          customers: { maxInFlight: 1, maxQueue: 0, queueTimeoutMs: 100 },
        }),
      },
    })
  }, 30_000)
  afterAll(async () => {
    await bff?.close()
    await core?.close()
  })

  test('when the customers port is full, then a further account read answers 503 UPSTREAM_BUSY in Chinese', async () => {
    const accounts = ['1000000001', '1000000002', '1000000003']
    const { token, userId } = await bff.login()
    for (const accountNo of accounts) await bff.bind(userId, accountNo)
    await request(core.url)
      .post('/sandbox/faults')
      .send({ port: 'customers', latencyMs: 300 })
      .expect(200)
    try {
      const answers = await Promise.all(
        accounts.map((accountNo) =>
          request(bff.url)
            .get(`/api/v1/accounts/${accountNo}`)
            .set('authorization', `Bearer ${token}`),
        ),
      )
      // One slot and no queue: at most one read reaches the CIS (background reads of the
      // notification watches may hold the slot too); the rest are turned away at once.
      const busy = answers.filter((a) => a.status === 503)
      expect(busy.length).toBeGreaterThanOrEqual(2)
      expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true)
      for (const answer of busy) {
        const { error } = ErrorEnvelope.parse(answer.body)
        expect(error.code).toBe('UPSTREAM_BUSY')
        expect(error.message).toBe('办理的人较多，请稍等片刻再试')
      }
    } finally {
      await request(core.url).delete('/sandbox/faults/customers').expect(200)
    }
  })
})
