import { SlotList, WorkOrder } from '../../contracts/workorders'
import { closeAll } from './helpers'
import { DAY, HOUR, MINUTE, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type Order = ReturnType<typeof WorkOrder.parse>
type Http = Awaited<ReturnType<typeof startFixed>>['http']

const report = (over: Record<string, unknown> = {}) => ({
  requestId: 'REQ-20261126-0101',
  accountNo: '1000000001',
  kind: 'no_heat',
  description: '暖气片上半部分不热',
  photos: ['ph_01', 'ph_02'],
  contactPhone: '13803110001',
  ...over,
})

async function create(http: Http, over: Record<string, unknown> = {}): Promise<Order> {
  const res = await http.post('/workorders/v1/orders').send(report(over)).expect(201)
  expectConforms(WorkOrder, res.body)
  return res.body as Order
}

async function order(http: Http, orderId: string): Promise<Order> {
  const res = await http.get(`/workorders/v1/orders/${orderId}`).expect(200)
  expectConforms(WorkOrder, res.body)
  return res.body as Order
}

describe('work orders: what a resident can do with an order', () => {
  it('when slots are asked for, then the next three days offer a morning and an afternoon each, and a booked slot brings the visit into it', async () => {
    const { http, advance } = await startFixed()
    const res = await http.get('/workorders/v1/slots?accountNo=1000000001').expect(200)
    expectConforms(SlotList, res.body)
    const slots = (res.body as ReturnType<typeof SlotList.parse>).slots
    expect(slots.map((s) => `${s.date} ${s.window}`)).toEqual([
      '2026-11-27 am',
      '2026-11-27 pm',
      '2026-11-28 am',
      '2026-11-28 pm',
      '2026-11-29 am',
      '2026-11-29 pm',
    ])
    expect(slots[0]).toMatchObject({
      from: '2026-11-27T09:00:00+08:00',
      to: '2026-11-27T12:00:00+08:00',
    })
    const open = slots.find((s) => s.available)
    if (!open) throw new Error('the seed leaves every slot full')
    const id = (await create(http, { preferredSlot: { date: open.date, window: open.window } }))
      .orderId
    await advance(3 * DAY)
    const visited = await order(http, id)
    const setOut = visited.timeline.find((e) => e.type === 'on_the_way')
    expect(setOut?.at.slice(0, 10)).toBe(open.date)
    expect(setOut && setOut.at >= open.from && setOut.at < open.to).toBe(true)
    expect(visited.preferredSlot).toEqual({ date: open.date, window: open.window })
  })

  it('when a slot is full or not offered, or an urgent kind names one, then the report is refused', async () => {
    const { http } = await startFixed()
    const slots = (await http.get('/workorders/v1/slots?accountNo=1000000001').expect(200)).body
      .slots as { date: string; window: string; available: boolean }[]
    const full = slots.find((s) => !s.available)
    if (!full) throw new Error('the seed leaves no slot full')
    const refused = await http
      .post('/workorders/v1/orders')
      .send(report({ preferredSlot: { date: full.date, window: full.window } }))
      .expect(409)
    expect(refused.body.code).toBe('SLOT_UNAVAILABLE')
    const past = await http
      .post('/workorders/v1/orders')
      .send(
        report({
          requestId: 'REQ-20261126-0102',
          preferredSlot: { date: '2026-11-20', window: 'am' },
        }),
      )
      .expect(409)
    expect(past.body.code).toBe('SLOT_UNAVAILABLE')
    const urgent = await http
      .post('/workorders/v1/orders')
      .send(
        report({
          requestId: 'REQ-20261126-0103',
          kind: 'co_alarm',
          preferredSlot: { date: '2026-11-27', window: 'am' },
        }),
      )
      .expect(400)
    expect(urgent.body.code).toBe('INVALID_ARGUMENT')
  })

  it('when a carbon-monoxide alarm is reported, then it is urgent, due within 30 minutes and goes to the emergency crew with a relay number until resolved', async () => {
    const { http, advance } = await startFixed()
    const created = await create(http, { kind: 'co_alarm', photos: [] })
    expect(created).toMatchObject({
      urgent: true,
      acceptanceDueAt: '2026-11-26T10:30:00+08:00',
      relayPhone: null,
      address: expect.stringContaining('长安区'),
    })
    await advance(5 * MINUTE)
    const dispatched = await order(http, created.orderId)
    expect(dispatched.status).toBe('dispatched')
    expect(dispatched.technician?.team).toMatch(/应急抢修班$/)
    expect(dispatched.relayPhone).toMatch(/^170\d{8}$/)
    await advance(2 * HOUR)
    const resolved = await order(http, created.orderId)
    expect(resolved.status).toBe('resolved')
    expect(resolved.relayPhone).toBeNull()
  })

  it('when nobody accepts an order, then it escalates at the SLA and again two SLA periods later, not more', async () => {
    const { http, advance } = await startFixed()
    await http.post('/sandbox/workorders/settings').send({ paused: true }).expect(200)
    const id = (await create(http)).orderId
    await advance(2 * HOUR)
    expect((await order(http, id)).escalationLevel).toBe(1)
    await advance(4 * HOUR - MINUTE)
    expect((await order(http, id)).escalationLevel).toBe(1)
    await advance(MINUTE)
    const second = await order(http, id)
    expect(second.escalationLevel).toBe(2)
    expect(
      second.timeline
        .filter((e) => e.type === 'sla_breached')
        .map((e) => [e.at, e.escalationLevel]),
    ).toEqual([
      ['2026-11-26T12:00:00+08:00', 1],
      ['2026-11-26T16:00:00+08:00', 2],
    ])
    await advance(DAY)
    expect((await order(http, id)).escalationLevel).toBe(2)
  })

  it('when an order is urged twice within its SLA period, then the second is refused with the time it may be urged again; a replay of the first answers the same', async () => {
    const { http, advance } = await startFixed()
    const id = (await create(http)).orderId
    expect((await order(http, id)).nextUrgeAt).toBe('2026-11-26T10:00:00+08:00')
    await advance(10 * MINUTE)
    const urged = await http
      .post(`/workorders/v1/orders/${id}/urges`)
      .send({ requestId: 'URGE-000001' })
      .expect(200)
    expectConforms(WorkOrder, urged.body)
    expect(urged.body.nextUrgeAt).toBe('2026-11-26T12:10:00+08:00')
    expect((urged.body as Order).timeline.filter((e) => e.type === 'urged')).toHaveLength(1)
    const replay = await http
      .post(`/workorders/v1/orders/${id}/urges`)
      .send({ requestId: 'URGE-000001' })
      .expect(200)
    expect((replay.body as Order).timeline.filter((e) => e.type === 'urged')).toHaveLength(1)
    const again = await http
      .post(`/workorders/v1/orders/${id}/urges`)
      .send({ requestId: 'URGE-000002' })
      .expect(409)
    expect(again.body).toMatchObject({
      code: 'URGE_TOO_SOON',
      message: expect.stringContaining('12:10'),
    })
    await advance(2 * HOUR)
    await http
      .post(`/workorders/v1/orders/${id}/urges`)
      .send({ requestId: 'URGE-000002' })
      .expect(200)
  })

  it('when a resolved order is reopened within 7 days, then it goes back to dispatch and can be rated again; after 7 days it is refused', async () => {
    const { http, advance } = await startFixed()
    const id = (await create(http)).orderId
    const early = await http
      .post(`/workorders/v1/orders/${id}/reopen`)
      .send({ requestId: 'REOPEN-000001', reason: '还是不热' })
      .expect(409)
    expect(early.body.code).toBe('ORDER_NOT_RESOLVED')
    await advance(DAY)
    const resolved = await order(http, id)
    expect(resolved.status).toBe('resolved')
    await http.post(`/workorders/v1/orders/${id}/rating`).send({ score: 4 }).expect(200)
    await advance(6 * DAY)
    const reopened = await http
      .post(`/workorders/v1/orders/${id}/reopen`)
      .send({ requestId: 'REOPEN-000001', reason: '还是不热' })
      .expect(200)
    expect(reopened.body).toMatchObject({ status: 'accepted', rating: null, resolvedAt: null })
    expect((reopened.body as Order).timeline.at(-1)).toMatchObject({ type: 'reopened' })
    await advance(DAY)
    const again = await order(http, id)
    expect(again.status).toBe('resolved')
    expect(again.timeline.filter((e) => e.type === 'resolved')).toHaveLength(2)
    await http.post(`/workorders/v1/orders/${id}/rating`).send({ score: 5 }).expect(200)

    await advance(7 * DAY + MINUTE)
    const late = await http
      .post(`/workorders/v1/orders/${id}/reopen`)
      .send({ requestId: 'REOPEN-000002', reason: '又坏了' })
      .expect(409)
    expect(late.body.code).toBe('REOPEN_WINDOW_CLOSED')
  })
})
