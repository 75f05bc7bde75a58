import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { createLogger } from '../src/platform/logger'
import { createMetrics } from '../src/platform/metrics'
import { UpstreamClient, UpstreamError } from '../src/platform/upstream-client'

/** A scripted upstream: each request takes the next behaviour from the list (the last repeats). */
async function scriptedServer(script: ('ok' | '503' | '404' | 'hang' | 'garbage')[]) {
  let hits = 0
  const server = http.createServer((req, res) => {
    const step = script[Math.min(hits, script.length - 1)]
    hits++
    if (step === 'hang') return
    if (step === '503') return void res.writeHead(503).end('{}')
    if (step === '404') {
      res.writeHead(404, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ code: 'ACCOUNT_NOT_FOUND', message: 'no' }))
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(step === 'garbage' ? '{"unexpected":true}' : JSON.stringify({ value: 42 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const Value = z.object({ value: z.number() })
const metrics = createMetrics()
const logger = createLogger('silent')

function client(url: string, extra: Partial<ConstructorParameters<typeof UpstreamClient>[0]> = {}) {
  return new UpstreamClient({
    port: 'test',
    baseUrl: url,
    timeoutMs: 150,
    retries: 2,
    retryBaseDelayMs: 5,
    logger,
    metrics,
    ...extra,
  })
}

describe('upstream client', () => {
  test('when a GET fails twice with 503, then it is retried and succeeds', async () => {
    const s = await scriptedServer(['503', '503', 'ok'])
    const c = client(s.url)
    await expect(
      c.call({ operation: 'get', method: 'GET', path: '/x', response: Value }),
    ).resolves.toEqual({ value: 42 })
    expect(s.hits()).toBe(3)
    await c.close()
    await s.close()
  })

  test('when a POST without idempotency key fails, then it is not retried', async () => {
    const s = await scriptedServer(['503', 'ok'])
    const c = client(s.url)
    await expect(
      c.call({ operation: 'post', method: 'POST', path: '/x', body: {}, response: Value }),
    ).rejects.toMatchObject({ kind: 'unavailable', status: 503 })
    expect(s.hits()).toBe(1)
    await c.close()
    await s.close()
  })

  test('when a POST carries an idempotency key, then it is retried', async () => {
    const s = await scriptedServer(['503', 'ok'])
    const c = client(s.url)
    await expect(
      c.call({
        operation: 'post',
        method: 'POST',
        path: '/x',
        body: {},
        idempotencyKey: 'k-1',
        response: Value,
      }),
    ).resolves.toEqual({ value: 42 })
    expect(s.hits()).toBe(2)
    await c.close()
    await s.close()
  })

  test('when the upstream does not answer, then a timeout error is raised after the retries', async () => {
    const s = await scriptedServer(['hang'])
    const c = client(s.url)
    const err = await c
      .call({ operation: 'get', method: 'GET', path: '/x', response: Value })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UpstreamError)
    expect((err as UpstreamError).kind).toBe('timeout')
    expect(s.hits()).toBe(3)
    await c.close()
    await s.close()
  })

  test('when the upstream answers 404 with a code, then a rejected error carries it and is not retried', async () => {
    const s = await scriptedServer(['404'])
    const c = client(s.url)
    await expect(
      c.call({ operation: 'get', method: 'GET', path: '/x', response: Value }),
    ).rejects.toMatchObject({ kind: 'rejected', status: 404, upstreamCode: 'ACCOUNT_NOT_FOUND' })
    expect(s.hits()).toBe(1)
    await c.close()
    await s.close()
  })

  test('when the response is off contract, then bad_response is raised', async () => {
    const s = await scriptedServer(['garbage'])
    const c = client(s.url)
    await expect(
      c.call({ operation: 'get', method: 'GET', path: '/x', response: Value }),
    ).rejects.toMatchObject({ kind: 'bad_response' })
    await c.close()
    await s.close()
  })

  test('when failures pass the threshold, then the breaker opens and calls fail fast without reaching the upstream', async () => {
    const s = await scriptedServer(['503'])
    const c = client(s.url, {
      retries: 0,
      breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
    })
    for (let i = 0; i < 4; i++) {
      await c
        .call({ operation: 'get', method: 'GET', path: '/x', response: Value })
        .catch(() => undefined)
    }
    expect(c.isOpen).toBe(true)
    const before = s.hits()
    await expect(
      c.call({ operation: 'get', method: 'GET', path: '/x', response: Value }),
    ).rejects.toMatchObject({ kind: 'circuit_open' })
    expect(s.hits()).toBe(before)
    await c.close()
    await s.close()
  })

  test('when business rejections (4xx) repeat, then the breaker stays closed', async () => {
    const s = await scriptedServer(['404'])
    const c = client(s.url, { retries: 0, breaker: { volumeThreshold: 3 } })
    for (let i = 0; i < 10; i++) {
      await c
        .call({ operation: 'get', method: 'GET', path: '/x', response: Value })
        .catch(() => undefined)
    }
    expect(c.isOpen).toBe(false)
    await c.close()
    await s.close()
  })
})
