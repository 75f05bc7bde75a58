import { SandboxClock, toShanghaiIso } from '../clock'
import { TEST_CLOCK_START, closeAll, startSandbox } from './helpers'

afterEach(closeAll)

const DAY = 86_400_000
const startOnRealTime = () => startSandbox({ config: { clockStart: null } })

describe('sandbox clock', () => {
  it('when nobody touched the clock, then it reads real time in +08:00', async () => {
    const { http } = await startOnRealTime()
    const before = Date.now()
    const res = await http.get('/sandbox/clock').expect(200)
    expect(res.body.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/)
    expect(Date.parse(res.body.now)).toBeGreaterThanOrEqual(before)
    expect(res.body.offsetMs).toBe(0)
  })

  it('when the clock is advanced a day, then sandbox time is a day ahead of real time', async () => {
    const { http, sandbox } = await startOnRealTime()
    const before = Date.now()
    const res = await http.post('/sandbox/clock').send({ advanceMs: DAY }).expect(200)
    expect(Date.parse(res.body.now)).toBeGreaterThanOrEqual(before + DAY)
    expect(sandbox.state.clock.nowMs()).toBeGreaterThanOrEqual(before + DAY)
  })

  it('when the clock is set to the first morning of the heating season, then it reads that time', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/clock').send({ set: '2026-11-15T08:00:00+08:00' }).expect(200)
    const res = await http.get('/sandbox/clock').expect(200)
    const readMs = Date.parse(res.body.now)
    expect(readMs).toBeGreaterThanOrEqual(Date.parse('2026-11-15T08:00:00+08:00'))
    expect(res.body.now.startsWith('2026-11-15T08:00')).toBe(true)
  })

  it('when the clock is reset, then it reads real time again, also after a start at a set instant', async () => {
    const { http } = await startSandbox({ config: { clockStart: TEST_CLOCK_START } })
    await http.post('/sandbox/clock').send({ advanceMs: DAY })
    const before = Date.now()
    const res = await http.post('/sandbox/clock').send({ reset: true }).expect(200)
    expect(res.body.offsetMs).toBe(0)
    expect(Date.parse(res.body.now)).toBeGreaterThanOrEqual(before)
  })

  it('when the sandbox starts at a set instant, then it reads that instant and time flows on from it', async () => {
    const start = Date.parse('2027-03-15T08:00:00+08:00')
    const { http } = await startSandbox({ config: { clockStart: new Date(start) } })
    const first = Date.parse((await http.get('/sandbox/clock').expect(200)).body.now)
    expect(first).toBeGreaterThanOrEqual(start)
    expect(first - start).toBeLessThan(60_000)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const later = Date.parse((await http.get('/sandbox/clock').expect(200)).body.now)
    expect(later).toBeGreaterThan(first)
  })

  it('when the sandbox starts at a set instant, then the seeded bills are those issued by that instant', async () => {
    const newestBill = async (clockStart: string) => {
      const { http } = await startSandbox({ config: { clockStart: new Date(clockStart) } })
      const res = await http.get('/billing/v1/accounts/1000000003/bills').expect(200)
      return (res.body.bills as { billId: string }[])[0]?.billId
    }
    // A month's bill is issued on the 3rd of the next month.
    expect(await newestBill('2026-11-26T10:00:00+08:00')).toBe('G1000000003202610')
    expect(await newestBill('2026-12-06T10:00:00+08:00')).toBe('G1000000003202611')
  })

  it.each([[{ advanceMs: -1 }], [{ set: 'tomorrow' }], [{ set: '2026-11-15T08:00:00' }], [{}]])(
    'when the clock update is invalid (%j), then 400 and time is untouched',
    async (body) => {
      const { http } = await startSandbox()
      const { offsetMs } = (await http.get('/sandbox/clock')).body
      const res = await http.post('/sandbox/clock').send(body).expect(400)
      expect(res.body.code).toBe('INVALID_ARGUMENT')
      expect((await http.get('/sandbox/clock')).body.offsetMs).toBe(offsetMs)
    },
  )

  it('when a fake real-time source moves, then the sandbox clock keeps its offset on top of it', () => {
    let real = Date.parse('2026-01-01T00:00:00Z')
    const clock = new SandboxClock(() => real)
    clock.advance(1000)
    real += 500
    expect(clock.nowMs()).toBe(Date.parse('2026-01-01T00:00:01.500Z'))
    expect(toShanghaiIso(clock.now())).toBe('2026-01-01T08:00:01+08:00')
  })
})
