import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

const account = '/customers/v1/accounts/1000000001'

describe('fault injection', () => {
  it('when a port has errorRate 1, then its requests fail with 503 in the upstream error format', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 1 }).expect(200)
    const res = await http.get(account)
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) })
    expect(res.headers['x-sandbox-fault']).toBe('error')
  })

  it('when errorStatus is set, then faulted requests fail with that status', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 1, errorStatus: 500 })
    const res = await http.get(account)
    expect(res.status).toBe(500)
    expect(res.body.code).toBe('INTERNAL')
  })

  it('when a port is faulted, then other ports, /sandbox/* and /healthz are not', async () => {
    const { http } = await startSandbox()
    await http
      .post('/sandbox/faults')
      .send({ ports: { billing: { errorRate: 1 }, customers: { errorRate: 1 } } })
      .expect(200)
    await http.get('/healthz').expect(200, { status: 'ok' })
    await http.get('/sandbox/clock').expect(200)
    const faults = await http.get('/sandbox/faults').expect(200)
    expect(Object.keys(faults.body.ports).sort()).toEqual(['billing', 'customers'])
    await http.get('/billing/v1/anything').expect(503)
  })

  it('when latency is fixed at 200 ms, then the answer takes at least 200 ms and is still correct', async () => {
    const { http } = await startSandbox()
    await http
      .post('/sandbox/faults')
      .send({ port: 'customers', latencyMs: { dist: 'fixed', ms: 200 } })
      .expect(200)
    const started = performance.now()
    const res = await http.get(account).expect(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(200)
    expect(res.body.accountNo).toBe('1000000001')
    expect(res.headers['x-sandbox-fault']).toBe('latency')
  })

  it('when faults are deleted, then requests succeed again', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 1 })
    await http.get(account).expect(503)
    await http.delete('/sandbox/faults').expect(200, { ports: {} })
    await http.get(account).expect(200)
  })

  it('when one port is cleared, then the others keep their faults', async () => {
    const { http } = await startSandbox()
    await http
      .post('/sandbox/faults')
      .send({ ports: { customers: { errorRate: 1 }, meters: { errorRate: 1 } } })
    await http.delete('/sandbox/faults/customers').expect(200)
    await http.get(account).expect(200)
    await http.get('/meters/v1/x').expect(503)
  })

  it('when faults are given at start (SANDBOX_FAULTS), then they apply from the first request', async () => {
    const { http } = await startSandbox({
      config: { faults: { customers: { errorRate: 1, errorStatus: 502, timeoutRate: 0 } } },
    })
    await http.get(account).expect(502)
  })

  it.each([
    [{ port: 'customers', errorRate: 2 }],
    [{ port: 'nonsense', errorRate: 0.5 }],
    [{ port: 'customers', latencyMs: { dist: 'uniform', min: 300, max: 100 } }],
    [{ port: 'customers', surprise: true }],
  ])('when the fault config is invalid (%j), then 400 and nothing changes', async (body) => {
    const { http } = await startSandbox()
    const res = await http.post('/sandbox/faults').send(body).expect(400)
    expect(res.body.code).toBe('INVALID_ARGUMENT')
    await http.get('/sandbox/faults').expect(200, { ports: {} })
  })
})

describe('reproducible fault sequences', () => {
  const statuses = async (http: Awaited<ReturnType<typeof startSandbox>>['http'], n: number) => {
    const out: number[] = []
    for (let i = 0; i < n; i++) out.push((await http.get(account)).status)
    return out
  }

  it('when two sandboxes share a seed and a config, then they fail the same requests', async () => {
    const a = await startSandbox({ config: { seed: 7 } })
    const b = await startSandbox({ config: { seed: 7 } })
    for (const { http } of [a, b]) {
      await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 0.5 }).expect(200)
    }
    const seqA = await statuses(a.http, 24)
    const seqB = await statuses(b.http, 24)
    expect(seqA).toEqual(seqB)
    expect(seqA).toContain(200)
    expect(seqA).toContain(503)
  })

  it('when the config is set again, then the sequence restarts; another fault seed gives another', async () => {
    const { http } = await startSandbox({ config: { seed: 7 } })
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 0.5 })
    const first = await statuses(http, 24)
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 0.5 })
    expect(await statuses(http, 24)).toEqual(first)
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 0.5, seed: 8 })
    expect(await statuses(http, 24)).not.toEqual(first)
  })
})
