import { WorkOrder } from '../../contracts/workorders'
import { closeAll } from './helpers'
import { HOUR, MINUTE, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type Order = ReturnType<typeof WorkOrder.parse>
type Http = Awaited<ReturnType<typeof startFixed>>['http']

const report = (over: Record<string, unknown> = {}) => ({
  requestId: 'REQ-20261126-0001',
  accountNo: '1000000001',
  kind: 'gas_leak',
  description: '厨房有很重的臭鸡蛋味',
  photos: ['ph_01'],
  contactPhone: '13803110001',
  ...over,
})

async function order(http: Http, orderId: string): Promise<Order> {
  const res = await http.get(`/workorders/v1/orders/${orderId}`).expect(200)
  expectConforms(WorkOrder, res.body)
  return res.body as Order
}

describe('work orders port', () => {
  it('when a gas leak is reported and the clock moves, then it goes accepted → dispatched → on the way with an ETA → arrived → resolved', async () => {
    const { http, advance } = await startFixed()
    const created = await http.post('/workorders/v1/orders').send(report()).expect(201)
    expectConforms(WorkOrder, created.body)
    expect(created.body).toMatchObject({
      status: 'submitted',
      technician: null,
      contactPhone: '138****0001',
    })
    const id = created.body.orderId as string

    const seen: string[] = []
    for (const minutes of [2, 3, 3, 22, 60]) {
      await advance(minutes * MINUTE)
      seen.push((await order(http, id)).status)
    }
    expect(seen).toEqual(['accepted', 'dispatched', 'on_the_way', 'arrived', 'resolved'])

    const done = await order(http, id)
    expect(done.timeline.map((e) => [e.type, e.at.slice(11, 16)])).toEqual([
      ['submitted', '10:00'],
      ['accepted', '10:02'],
      ['dispatched', '10:05'],
      ['on_the_way', '10:08'],
      ['arrived', '10:30'],
      ['resolved', '11:30'],
    ])
    expect(done.etaAt).toBe('2026-11-26T10:30:00+08:00')
    expect(done.technician?.phone).toMatch(/^1\d\d\*{4}\d{4}$/)
    expect(done.technician?.team).toBe('长安区应急抢修班')
    expect(done.slaBreached).toBe(false)
  })

  it('when a leak and a meter fault are reported together, then someone reaches the leak first', async () => {
    const { http, advance } = await startFixed()
    const leak = (await http.post('/workorders/v1/orders').send(report()).expect(201)).body.orderId
    const fault = (
      await http
        .post('/workorders/v1/orders')
        .send(report({ requestId: 'REQ-20261126-0002', kind: 'meter' }))
        .expect(201)
    ).body.orderId
    await advance(2 * HOUR)
    expect((await order(http, leak)).status).toBe('resolved')
    expect((await order(http, fault)).status).toBe('accepted')
    // Accepted 30 min, dispatched 2 h later, on the way next morning, there 40 min after.
    await advance(21 * HOUR + 30 * MINUTE)
    expect((await order(http, fault)).status).toBe('arrived')
  })

  it('when a village household reports a fault, then each step takes longer than in the city', async () => {
    const { http, advance } = await startFixed()
    const city = (
      await http
        .post('/workorders/v1/orders')
        .send(report({ kind: 'other' }))
        .expect(201)
    ).body.orderId
    const village = (
      await http
        .post('/workorders/v1/orders')
        .send(report({ requestId: 'REQ-20261126-0003', kind: 'other', accountNo: '1000000011' }))
        .expect(201)
    ).body.orderId
    await advance(90 * MINUTE)
    expect((await order(http, city)).status).toBe('accepted')
    expect((await order(http, village)).status).toBe('submitted')
  })

  it('when dispatch stalls past the SLA, then the order gets an sla_breached event and still moves once dispatch resumes', async () => {
    const { http, advance } = await startFixed()
    await http.post('/sandbox/workorders/settings').send({ paused: true }).expect(200)
    const id = (await http.post('/workorders/v1/orders').send(report()).expect(201)).body.orderId
    await advance(29 * MINUTE)
    expect((await order(http, id)).slaBreached).toBe(false)
    await advance(2 * MINUTE)
    const breached = await order(http, id)
    expect(breached).toMatchObject({
      status: 'submitted',
      slaBreached: true,
      acceptanceDueAt: '2026-11-26T10:30:00+08:00',
    })
    expect(breached.timeline.at(-1)).toMatchObject({
      type: 'sla_breached',
      at: '2026-11-26T10:30:00+08:00',
    })

    await http.post('/sandbox/workorders/settings').send({ paused: false }).expect(200)
    await advance(2 * MINUTE)
    const moving = await order(http, id)
    expect(moving.status).toBe('accepted')
    expect(moving.timeline.filter((e) => e.type === 'sla_breached')).toHaveLength(1)
  })

  it('when the SLA is set shorter than the schedule, then the breach comes before acceptance', async () => {
    const { http, advance } = await startFixed()
    const settings = await http
      .post('/sandbox/workorders/settings')
      .send({ acceptanceSlaMs: { urgent: MINUTE } })
      .expect(200)
    expect(settings.body.acceptanceSlaMs.urgent).toBe(MINUTE)
    const id = (await http.post('/workorders/v1/orders').send(report()).expect(201)).body.orderId
    await advance(3 * MINUTE)
    expect((await order(http, id)).timeline.map((e) => e.type)).toEqual([
      'submitted',
      'sla_breached',
      'accepted',
    ])
  })

  it('when the same requestId is sent twice, then one order; another body under it is refused', async () => {
    const { http } = await startFixed()
    const first = await http.post('/workorders/v1/orders').send(report()).expect(201)
    const again = await http.post('/workorders/v1/orders').send(report()).expect(200)
    expect(again.body.orderId).toBe(first.body.orderId)
    const other = await http
      .post('/workorders/v1/orders')
      .send(report({ description: '别的问题' }))
      .expect(409)
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH')
    const list = await http.get('/workorders/v1/orders?accountNo=1000000001').expect(200)
    expect(list.body.orders).toHaveLength(1)
  })

  it('when an order is rated before it is resolved, then 409; after, the rating is kept and cannot be changed', async () => {
    const { http, advance } = await startFixed()
    const id = (await http.post('/workorders/v1/orders').send(report()).expect(201)).body.orderId
    const early = await http
      .post(`/workorders/v1/orders/${id}/rating`)
      .send({ score: 5 })
      .expect(409)
    expect(early.body.code).toBe('ORDER_NOT_RESOLVED')
    await advance(2 * HOUR)
    const rated = await http
      .post(`/workorders/v1/orders/${id}/rating`)
      .send({ score: 5, comment: '来得很快' })
      .expect(200)
    expectConforms(WorkOrder, rated.body)
    expect(rated.body.rating).toMatchObject({ score: 5, comment: '来得很快' })
    await http
      .post(`/workorders/v1/orders/${id}/rating`)
      .send({ score: 5, comment: '来得很快' })
      .expect(200)
    const changed = await http
      .post(`/workorders/v1/orders/${id}/rating`)
      .send({ score: 1 })
      .expect(409)
    expect(changed.body.code).toBe('ALREADY_RATED')
  })

  it('when the account is unknown or the body is incomplete, then 404 and 400', async () => {
    const { http } = await startFixed(0)
    const unknown = await http
      .post('/workorders/v1/orders')
      .send(report({ accountNo: '2000000001' }))
      .expect(404)
    expect(unknown.body.code).toBe('ACCOUNT_NOT_FOUND')
    const bad = await http
      .post('/workorders/v1/orders')
      .send(report({ kind: 'fire' }))
      .expect(400)
    expect(bad.body.code).toBe('INVALID_ARGUMENT')
  })
})
