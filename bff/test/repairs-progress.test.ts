import { Repair } from '@gh/shared'
import { eventually } from './payment-fakes'
import {
  CITY,
  DAY,
  HOUR,
  MINUTE,
  OTHER,
  startRepairsWorld,
  type RepairsWorld,
  type Resident,
} from './repairs-fixtures'

let world: RepairsWorld

beforeAll(async () => {
  world = await startRepairsWorld('repairs-progress')
}, 30_000)
afterAll(() => world?.close())

const phone = '13912345678'

async function reported(who: Resident, kind: string, accountNo = CITY): Promise<Repair> {
  const res = await world.report(who, accountNo, { kind, description: '故障说明', phone })
  expect(res.status).toBe(201)
  return Repair.parse(res.body)
}

async function current(who: Resident, repairNo: string, accountNo = CITY): Promise<Repair> {
  const res = await world.read(who, accountNo, repairNo)
  expect(res.status).toBe(200)
  return Repair.parse(res.body)
}

async function messagesTo(openid: string) {
  const res = await world.coreApi().get(`/sandbox/subscribe-messages?openid=${openid}`).expect(200)
  return res.body.items as {
    templateId: string
    page: string
    data: Record<string, { value: string }>
  }[]
}

async function openidOf(userId: string): Promise<string> {
  const ids = await world.bff.container.users.identitiesOf(userId)
  const openid = ids.find((i) => i.provider === 'wechat')?.subject
  if (!openid) throw new Error('no WeChat identity')
  return openid
}

describe('报修: following a report to the end', () => {
  test('when the clock drives a heating report through every state, then the resident sees each step with its time and the step job sends one message per step', async () => {
    const who = await world.resident(CITY, { wechat: 'repair-journey' })
    const openid = await openidOf(who.userId)
    const { repairNo } = await reported(who, 'no_heat')
    const sync = () => world.bff.container.repairs.sync.runOnce()

    const seen: string[] = []
    for (const gap of [20 * MINUTE, HOUR, 3 * HOUR, 40 * MINUTE, HOUR]) {
      await world.advance(gap)
      await sync()
      const repair = await current(who, repairNo)
      seen.push(repair.state)
      if (repair.state === 'dispatched') {
        expect(repair.technician?.name).toMatch(/^\p{Script=Han}{1,2}师傅$/u)
        expect(repair.technician?.callNumber).toMatch(/^170\d{8}$/)
        expect(repair.technician?.callNote).toContain('隐私号')
        expect(repair.technician?.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/)
      }
      if (repair.state === 'on_the_way') {
        const setOut = repair.timeline.at(-1)
        expect(Date.parse(repair.etaAt ?? '') - Date.parse(setOut?.at ?? '')).toBe(40 * MINUTE)
        expect(repair.hint).toContain(`预计 ${repair.etaAt?.slice(11, 16)} 到达`)
      }
    }
    expect(seen).toEqual(['accepted', 'dispatched', 'on_the_way', 'arrived', 'resolved'])

    const done = await current(who, repairNo)
    expect(done.timeline.map((e) => e.label)).toEqual([
      '已提交',
      '已受理',
      '已派单',
      '在路上',
      '已到达',
      '已处理',
    ])
    expect(done.timeline.map((e) => e.at.slice(11, 16))).toEqual([
      '10:00',
      '10:20',
      '11:20',
      '14:20',
      '15:00',
      '16:00',
    ])
    expect(done.progress.filter((s) => s.done).map((s) => s.at)).toEqual(
      done.timeline.map((e) => e.at),
    )
    // The relay number ends with the order; the resident reaches the desk instead.
    expect(done.technician?.callNumber).toBe('96777')
    expect(done.actions).toMatchObject({ canUrge: false, canRate: true, canReopen: true })

    await sync()
    // Each step reaches the reporter once, through the notification service's delivery jobs.
    await eventually(async () => {
      const messages = await messagesTo(openid)
      expect(messages.map((m) => m.data.phrase3?.value).sort()).toEqual(
        ['已受理', '已派单', '在路上', '已到达', '已处理'].sort(),
      )
      expect(messages[0]).toMatchObject({
        templateId: 'sandbox-repair-step',
        page: `pages-repairs/detail/index?accountNo=${CITY}&repairNo=${repairNo}`,
        data: { character_string1: { value: repairNo }, thing2: { value: '暖气不热' } },
      })
    })
    const { sends } = world.bff.container.notifications
    for (const index of [1, 2, 3, 4, 5]) {
      expect(await sends.of(`repair_step:${repairNo}:${index}`, who.userId)).toEqual([
        { channel: 'wechat', status: 'sent' },
      ])
    }

    const rated = await world.act(who, CITY, repairNo, 'rating', { stars: 5, comment: '很及时' })
    expect(rated.status).toBe(201)
    expect(rated.body).toMatchObject({ state: 'rated', stateLabel: '已评价' })
    expect(rated.body.progress.at(-1)).toMatchObject({ state: 'rated', done: true })
    await sync()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await messagesTo(openid)).toHaveLength(5)
    expect(await world.bff.container.repairs.jobs.schedule()).toMatchObject({ every: 60_000 })
  })

  test('when nobody accepts a report within its SLA, then it is escalated and the resident reads so, with what happens next', async () => {
    const who = await world.resident(CITY, { wechat: 'repair-escalation' })
    const openid = await openidOf(who.userId)
    await world.coreApi().post('/sandbox/workorders/settings').send({ paused: true }).expect(200)
    try {
      const { repairNo, acceptanceDueAt } = await reported(who, 'pipe')
      await world.advance(2 * HOUR - MINUTE)
      expect((await current(who, repairNo)).escalation).toBeNull()
      await world.advance(MINUTE)
      const late = await current(who, repairNo)
      expect(late.state).toBe('submitted')
      expect(late.escalation).toMatchObject({
        level: 1,
        label: '超时未受理，已升级督办',
        at: acceptanceDueAt,
      })
      expect(late.escalation?.detail).toContain('站长督办')
      expect(late.hint).toBe(late.escalation?.detail)
      expect(late.timeline.at(-1)).toMatchObject({ type: 'escalated', at: acceptanceDueAt })

      await world.advance(4 * HOUR)
      const later = await current(who, repairNo)
      expect(later.escalation).toMatchObject({ level: 2, label: '仍未受理，已升级至客服中心督办' })
      await world.bff.container.repairs.sync.runOnce()
      await eventually(async () => {
        const phrases = (await messagesTo(openid)).map((m) => m.data.phrase3?.value)
        expect(phrases).toEqual(['已升级督办', '已升级督办'])
      })
    } finally {
      await world.coreApi().post('/sandbox/workorders/settings').send({ paused: false }).expect(200)
    }
  })

  test('when a resident urges twice within the SLA period, then the second is refused with when it may be urged again', async () => {
    const who = await world.resident(CITY)
    const { repairNo } = await reported(who, 'other')
    const first = await world.act(who, CITY, repairNo, 'urge', {}, 'urge-key-000001')
    expect(first.status).toBe(201)
    const urged = Repair.parse(first.body)
    expect(urged.timeline.at(-1)).toMatchObject({ type: 'urged', label: '已催单' })
    expect(urged.actions.canUrge).toBe(false)
    expect(
      Date.parse(urged.actions.nextUrgeAt ?? '') - Date.parse(urged.timeline.at(-1)?.at ?? ''),
    ).toBe(2 * HOUR)

    const again = await world.act(who, CITY, repairNo, 'urge', {}, 'urge-key-000002')
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('REPAIR_URGE_TOO_SOON')
    const when = urged.actions.nextUrgeAt ?? ''
    expect(again.body.error.message).toBe(
      `已经催过单了，${Number(when.slice(5, 7))}月${Number(when.slice(8, 10))}日 ${when.slice(11, 16)} 后可以再次催单`,
    )
    expect(again.body.error.retryAfterSeconds).toBeGreaterThan(7000)

    const replay = await world.act(who, CITY, repairNo, 'urge', {}, 'urge-key-000001')
    expect(replay.status).toBe(201)
    expect(replay.headers['idempotent-replayed']).toBe('true')

    await world.advance(2 * HOUR)
    const later = await world.act(who, CITY, repairNo, 'urge', {}, 'urge-key-000002')
    expect(later.status).toBe(201)
    expect(Repair.parse(later.body).timeline.filter((e) => e.type === 'urged')).toHaveLength(2)
  })

  test('when a report is rated before it is resolved, then it is refused; once resolved it is rated once', async () => {
    const who = await world.resident(CITY)
    const { repairNo } = await reported(who, 'heating_leak')
    const early = await world.act(who, CITY, repairNo, 'rating', { stars: 5 })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('REPAIR_NOT_RESOLVED')
    await world.advance(4 * HOUR)
    expect((await current(who, repairNo)).actions.canRate).toBe(true)
    const rated = await world.act(who, CITY, repairNo, 'rating', { stars: 4, comment: '还行' })
    expect(rated.status).toBe(201)
    expect(rated.body.rating).toMatchObject({ stars: 4, comment: '还行' })
    const twice = await world.act(who, CITY, repairNo, 'rating', { stars: 1 })
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('REPAIR_ALREADY_RATED')
    const bad = await world.act(who, CITY, repairNo, 'rating', { stars: 6 })
    expect(bad.status).toBe(400)
  })

  test('when a resolved report is reopened within 7 days, then it goes back to 已受理 and is followed again; after 7 days it is refused', async () => {
    const who = await world.resident(CITY)
    const { repairNo } = await reported(who, 'heating_leak')
    const early = await world.act(who, CITY, repairNo, 'reopen', { reason: '还在漏' })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('REPAIR_STILL_OPEN')
    await world.advance(4 * HOUR)
    const resolved = await current(who, repairNo)
    expect(resolved.state).toBe('resolved')
    expect(
      Date.parse(resolved.actions.reopenUntil ?? '') - Date.parse(resolved.resolvedAt ?? ''),
    ).toBe(7 * DAY)

    await world.advance(6 * DAY)
    const reopened = await world.act(who, CITY, repairNo, 'reopen', { reason: '又开始漏水了' })
    expect(reopened.status).toBe(201)
    expect(reopened.body).toMatchObject({ state: 'accepted', resolvedAt: null })
    expect(reopened.body.timeline.at(-1)).toMatchObject({ type: 'reopened', label: '已重新处理' })
    expect(await world.bff.container.repairs.store.find(repairNo)).toMatchObject({
      state: 'accepted',
    })

    await world.advance(4 * HOUR)
    expect((await current(who, repairNo)).state).toBe('resolved')
    await world.advance(7 * DAY + MINUTE)
    expect((await current(who, repairNo)).actions.canReopen).toBe(false)
    const late = await world.act(who, CITY, repairNo, 'reopen', { reason: '又坏了' })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('REPAIR_REOPEN_EXPIRED')
  })

  test('when an account has a repair under way, then the home read names it; once resolved, none', async () => {
    const who = await world.resident(OTHER)
    const home = world.bff.container.repairs.service
    expect(await home.openRepairOf(OTHER)).toBeNull()
    const { repairNo } = await reported(who, 'co_alarm', OTHER)
    expect(await home.openRepairOf(OTHER)).toMatchObject({
      repairNo,
      title: '一氧化碳报警',
      urgent: true,
      stateLabel: '已提交',
    })
    await world.advance(3 * HOUR)
    expect(await home.openRepairOf(OTHER)).toBeNull()
  })
})
