import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

const account = '/customers/v1/accounts/1000000001'

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10))
}

describe('timeout faults', () => {
  it('when timeoutRate is 1, then no answer comes and the client has to give up', async () => {
    const { http, sandbox } = await startSandbox()
    await http.post('/sandbox/faults').send({ port: 'customers', timeoutRate: 1 }).expect(200)
    const err = await http
      .get(account)
      .timeout(300)
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(err).toMatchObject({ timeout: 300 })
    // The held request is released once the client has hung up.
    await until(() => sandbox.state.faults.pending === 0)
    await http.get('/healthz').expect(200)
  })

  // A long close grace means only the fault injector's own release can end these requests.
  const patient = { closeGraceMs: 60_000 }

  it('when the sandbox closes while requests are held, then they are cut and close() completes', async () => {
    const { http, sandbox } = await startSandbox(patient)
    await http.post('/sandbox/faults').send({ port: 'customers', timeoutRate: 1 })
    const held = Promise.all(
      [1, 2, 3].map(() =>
        http.get(account).then(
          () => 'answered',
          () => 'cut',
        ),
      ),
    )
    await until(() => sandbox.state.faults.pending === 3)
    await sandbox.close()
    expect(await held).toEqual(['cut', 'cut', 'cut'])
    expect(sandbox.state.faults.pending).toBe(0)
  })

  it('when the sandbox closes during a long latency, then the request is cut rather than left waiting', async () => {
    const { http, sandbox } = await startSandbox(patient)
    await http.post('/sandbox/faults').send({ port: 'customers', latencyMs: 60_000 })
    const held = http.get(account).then(
      () => 'answered',
      () => 'cut',
    )
    await until(() => sandbox.state.faults.pending === 1)
    // Were the delay honoured, close() would wait a minute and the test would time out.
    await sandbox.close()
    expect(await held).toBe('cut')
  })
})
