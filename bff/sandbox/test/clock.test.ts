import { SandboxClock, toShanghaiIso } from '../clock'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

const DAY = 86_400_000

describe('sandbox clock', () => {
  it('when nobody touched the clock, then it reads real time in +08:00', async () => {
    const { http } = await startSandbox()
    const before = Date.now()
    const res = await http.get('/sandbox/clock').expect(200)
    expect(res.body.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/)
    expect(Date.parse(res.body.now)).toBeGreaterThanOrEqual(before)
    expect(res.body.offsetMs).toBe(0)
  })

  it('when the clock is advanced a day, then sandbox time is a day ahead of real time', async () => {
    const { http, sandbox } = await startSandbox()
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

  it('when the clock is reset, then the offset is gone', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/clock').send({ advanceMs: DAY })
    const res = await http.post('/sandbox/clock').send({ reset: true }).expect(200)
    expect(res.body.offsetMs).toBe(0)
  })

  it.each([[{ advanceMs: -1 }], [{ set: 'tomorrow' }], [{ set: '2026-11-15T08:00:00' }], [{}]])(
    'when the clock update is invalid (%j), then 400 and time is untouched',
    async (body) => {
      const { http } = await startSandbox()
      const res = await http.post('/sandbox/clock').send(body).expect(400)
      expect(res.body.code).toBe('INVALID_ARGUMENT')
      expect((await http.get('/sandbox/clock')).body.offsetMs).toBe(0)
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
