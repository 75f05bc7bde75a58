import { Bill as BillingBill } from '../../contracts/billing'
import { NoticeList } from '../../contracts/content'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

const AREA = '13010201'
const announce = {
  areaCode: AREA,
  kind: 'gas',
  startsAt: '2026-11-28T09:00:00+08:00',
  endsAt: '2026-11-28T15:00:00+08:00',
  reason: '调压站设备检修',
  scope: '测试小区乙',
}

describe('supply-stop notices at the dispatcher desk', () => {
  it('when a notice is announced, changed and ended, then the content port lists it as it is now', async () => {
    const { http } = await startSandbox()
    const created = await http.post('/sandbox/notices').send(announce).expect(201)
    expect(created.body).toMatchObject({
      areaCode: AREA,
      kind: 'gas',
      status: 'upcoming',
      scope: '测试小区乙',
      issuedAt: '2026-11-26T10:00:00+08:00',
    })
    const id = created.body.noticeId as string
    const listed = async () => {
      const res = await http.get(`/content/v1/notices?areaCode=${AREA}`).expect(200)
      return NoticeList.parse(res.body).notices.find((n) => n.noticeId === id)
    }
    expect(await listed()).toEqual(created.body)

    await http
      .patch(`/sandbox/notices/${id}`)
      .send({ endsAt: '2026-11-28T18:00:00+08:00', reason: '管线碰口作业' })
      .expect(200)
    expect(await listed()).toMatchObject({
      endsAt: '2026-11-28T18:00:00+08:00',
      reason: '管线碰口作业',
      status: 'upcoming',
    })

    const ended = await http.post(`/sandbox/notices/${id}/end`).expect(200)
    expect(ended.body).toMatchObject({ status: 'ended', endsAt: '2026-11-26T10:00:00+08:00' })
    expect((await listed())?.status).toBe('ended')
  })

  it('when a notice is unknown, the area unknown or the times reversed, then 404 or 400', async () => {
    const { http } = await startSandbox()
    await http.patch('/sandbox/notices/S99999999001').send({ reason: '检修' }).expect(404)
    await http.post('/sandbox/notices/S99999999001/end').expect(404)
    await http
      .post('/sandbox/notices')
      .send({ ...announce, areaCode: '99999901' })
      .expect(404)
    await http
      .post('/sandbox/notices')
      .send({ ...announce, endsAt: '2026-11-28T08:00:00+08:00' })
      .expect(400)
  })

  it('when the sandbox runs in production mode, then the desk is not there', async () => {
    const { http } = await startSandbox({ config: { nodeEnv: 'production' } })
    await http.post('/sandbox/notices').send(announce).expect(404)
    await http.get(`/content/v1/notices?areaCode=${AREA}`).expect(200)
  })
})

describe('bills issued now', () => {
  it('when a bill is issued for a billed account, then billing lists it unpaid with its due date, and refuses prepaid accounts', async () => {
    const { http } = await startSandbox()
    const res = await http
      .post('/sandbox/billing/accounts/1000000003/bills')
      .send({ dueInDays: 5, volumeM3: 30 })
      .expect(201)
    const bill = BillingBill.parse(res.body)
    expect(bill).toMatchObject({
      status: 'unpaid',
      overdue: false,
      issuedAt: '2026-11-26T10:00:00+08:00',
      dueAt: '2026-12-01T23:59:59+08:00',
    })
    expect(bill.amountFen).toBe(bill.lines.reduce((sum, l) => sum + l.amountFen, 0))
    expect(bill.amountFen).toBeGreaterThan(0)
    const list = await http.get('/billing/v1/accounts/1000000003/bills').expect(200)
    expect(list.body.bills[0].billId).toBe(bill.billId)

    const heating = await http.post('/sandbox/billing/accounts/1000000004/bills').send({ days: 10 })
    expect(heating.status).toBe(201)
    expect(heating.body.lines[0]).toMatchObject({ type: 'heating', days: 10 })
    await http.post('/sandbox/billing/accounts/1000000001/bills').send({}).expect(422)
  })
})

describe('service notices by SMS', () => {
  it('when a service notice is sent, then the phone shows it in the registered template', async () => {
    const { http } = await startSandbox()
    const phone = '13903110077'
    await http
      .post('/sms/v1/send')
      .send({
        phone,
        template: 'service_notice',
        params: {
          title: '停气通知',
          account: '100****001',
          detail: '您所在片区明天9点至15点停气。',
        },
      })
      .expect(200)
    const inbox = await http.get(`/sandbox/sms?phone=${phone}`).expect(200)
    expect(inbox.body.items[0]).toMatchObject({
      template: 'service_notice',
      code: null,
      text: '【燃气供热】停气通知：户号100****001，您所在片区明天9点至15点停气。',
    })
    await http
      .post('/sms/v1/send')
      .send({ phone, template: 'service_notice', params: { code: '123456' } })
      .expect(400)
  })
})

it('when the sandbox document is fetched, then it lists the notice desk, the bill issuer and the Alipay messages', async () => {
  const { http } = await startSandbox()
  const paths = Object.keys((await http.get('/sandbox/openapi.json').expect(200)).body.paths)
  expect(paths).toEqual(
    expect.arrayContaining([
      '/sandbox/notices',
      '/sandbox/notices/{noticeId}',
      '/sandbox/notices/{noticeId}/end',
      '/sandbox/billing/accounts/{accountNo}/bills',
      '/sandbox/alipay/template-messages',
    ]),
  )
})
