import { IcPurchase } from '../../contracts/meters'
import { closeAll } from './helpers'
import { MINUTE, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

const IC = 'IC3399000002'
const purchase = (purchaseId = 'GH20261126000101', amountFen = 8000) => ({
  purchaseId,
  meterNo: IC,
  amountFen,
})

async function balance(http: Awaited<ReturnType<typeof startFixed>>['http']): Promise<number> {
  return (await http.get(`/meters/v1/meters/${IC}`).expect(200)).body.balanceFen as number
}

describe('meters port: IC-card purchases', () => {
  it('when a purchase is paid, then it waits for the card; once written at a write point the meter balance rises', async () => {
    const { http, advance } = await startFixed()
    const before = await balance(http)
    const res = await http.post('/meters/v1/ic/purchases').send(purchase()).expect(201)
    expectConforms(IcPurchase, res.body)
    expect(res.body).toMatchObject({ status: 'awaiting_card_write', writtenAt: null, write: null })

    await advance(30 * MINUTE)
    expect(await balance(http)).toBe(before)
    const status = await http.get('/meters/v1/ic/purchases/GH20261126000101').expect(200)
    expect(status.body.status).toBe('awaiting_card_write')

    const written = await http
      .post('/meters/v1/ic/purchases/GH20261126000101/write')
      .send({ by: 'write_point', writePointId: 'WP201' })
      .expect(200)
    expectConforms(IcPurchase, written.body)
    expect(written.body).toMatchObject({
      status: 'written',
      writtenAt: '2026-11-26T10:30:00+08:00',
      write: { by: 'write_point', writePointId: 'WP201', agentId: null },
    })
    expect(await balance(http)).toBe(before + 8000)
    const meter = (await http.get(`/meters/v1/meters/${IC}`)).body
    expect(meter.lastReadingAt).toBe('2026-11-26T10:30:00+08:00')
  })

  it('when the card is written twice, then the gas is added once', async () => {
    const { http } = await startFixed()
    const before = await balance(http)
    await http.post('/meters/v1/ic/purchases').send(purchase()).expect(201)
    const first = await http
      .post('/meters/v1/ic/purchases/GH20261126000101/write')
      .send({ by: 'agent', agentId: 'A0017' })
      .expect(200)
    const again = await http
      .post('/meters/v1/ic/purchases/GH20261126000101/write')
      .send({ by: 'agent', agentId: 'A0017' })
      .expect(200)
    expect(again.body).toEqual(first.body)
    expect(await balance(http)).toBe(before + 8000)
  })

  it('when the same purchaseId is sent twice, then one purchase is recorded; another amount under it is refused', async () => {
    const { http } = await startFixed()
    await http.post('/meters/v1/ic/purchases').send(purchase()).expect(201)
    const replay = await http.post('/meters/v1/ic/purchases').send(purchase()).expect(200)
    expect(replay.body.purchaseId).toBe('GH20261126000101')
    const other = await http
      .post('/meters/v1/ic/purchases')
      .send(purchase('GH20261126000101', 9000))
      .expect(409)
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH')
    const ledger = (await http.get('/sandbox/ledger?accountNo=1000000002').expect(200)).body
    expect(ledger.icPurchases).toHaveLength(1)
  })

  it('when a purchase is not yet on the card, then a second purchase is refused with CARD_WRITE_PENDING', async () => {
    const { http } = await startFixed()
    await http.post('/meters/v1/ic/purchases').send(purchase()).expect(201)
    const second = await http
      .post('/meters/v1/ic/purchases')
      .send(purchase('GH20261126000102'))
      .expect(422)
    expect(second.body.code).toBe('CARD_WRITE_PENDING')
    await http
      .post('/meters/v1/ic/purchases/GH20261126000101/write')
      .send({ by: 'write_point', writePointId: 'SH102' })
      .expect(200)
    await http.post('/meters/v1/ic/purchases').send(purchase('GH20261126000102')).expect(201)
  })

  it('when the write point does not exist or the purchase is unknown, then 422 and 404', async () => {
    const { http } = await startFixed()
    await http.post('/meters/v1/ic/purchases').send(purchase()).expect(201)
    const bad = await http
      .post('/meters/v1/ic/purchases/GH20261126000101/write')
      .send({ by: 'write_point', writePointId: 'WP999' })
      .expect(422)
    expect(bad.body.code).toBe('UNKNOWN_WRITE_POINT')
    const unknown = await http.get('/meters/v1/ic/purchases/NOSUCH00001').expect(404)
    expect(unknown.body.code).toBe('PURCHASE_NOT_FOUND')
  })

  it('when an IoT meter is named in an IC purchase, then 422 METER_TYPE_MISMATCH', async () => {
    const { http } = await startFixed()
    const res = await http
      .post('/meters/v1/ic/purchases')
      .send({ ...purchase(), meterNo: 'NB2199000001' })
      .expect(422)
    expect(res.body.code).toBe('METER_TYPE_MISMATCH')
  })
})
