import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { AccountBinding } from '../src/accounts/account-binding-entity'
import { startBff, type TestBff } from './harness'
import { fastPayments, paymentFakes, testAccounts, type PaymentFakes } from './payment-fakes'

let bff: TestBff
let fakes: PaymentFakes
let owner: { token: string; userId: string }
let daughter: { token: string; userId: string }
let stranger: { token: string; userId: string }

beforeAll(async () => {
  fakes = paymentFakes()
  bff = await startBff({ ports: { payments: fakes.ports }, payments: fastPayments })
  owner = await bff.login()
  daughter = await bff.login()
  stranger = await bff.login()
  await bff.bind(owner.userId, testAccounts.iot)
  await bff.bind(owner.userId, testAccounts.postpaid)
})
afterAll(async () => {
  await bff.close()
})

const as = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` })
const key = () => `k-${randomUUID()}`

async function share(accountNo: string, body: object) {
  const res = await request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/pay-shares`)
    .set(as(owner))
    .set('idempotency-key', key())
    .send(body)
  expect(res.status).toBe(201)
  return res.body as { token: string; path: string }
}

const payThrough = (token: string, who: { token: string }, body: object, k = key()) =>
  request(bff.url)
    .post(`/api/v1/pay-shares/${token}/orders`)
    .set(as(who))
    .set('idempotency-key', k)
    .send(body)

test('when a parent shares a 100 元 top-up, then the daughter sees only the masked account and the amount', async () => {
  const card = await share(testAccounts.iot, { purpose: 'recharge', amountFen: 10000 })
  expect(card.path).toBe(`/pages/share-pay/index?t=${card.token}`)
  const res = await request(bff.url).get(`/api/v1/pay-shares/${card.token}`).set(as(daughter))
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({
    accountNoMasked: '100****001',
    what: '燃气充值',
    amountFen: 10000,
    refusal: null,
  })
  expect(res.body.expiresAt).toMatch(/\+08:00$/)
  expect(JSON.stringify(res.body)).not.toContain(testAccounts.iot)
})

test('when the daughter pays through the card, then the order is the parent’s top-up, shown to her masked', async () => {
  const card = await share(testAccounts.iot, { purpose: 'recharge', amountFen: 10000 })
  const k = key()
  const res = await payThrough(card.token, daughter, { amountFen: 10000, channel: 'h5' }, k)
  expect(res.status).toBe(201)
  expect(res.body).toMatchObject({
    accountNoMasked: '100****001',
    amountFen: 10000,
    state: 'PAYING',
  })
  expect(res.body.accountNo).toBeUndefined()
  const again = await payThrough(card.token, daughter, { amountFen: 10000, channel: 'h5' }, k)
  expect(again.body.orderNo).toBe(res.body.orderNo)

  expect(fakes.wechatpay.pay(res.body.orderNo)).toBe(true)
  const ownerList = await request(bff.url)
    .get(`/api/v1/accounts/${testAccounts.iot}/recharges`)
    .set(as(owner))
  expect(ownerList.body.orders.map((o: { orderNo: string }) => o.orderNo)).toContain(
    res.body.orderNo,
  )
  const read = await request(bff.url)
    .get(`/api/v1/pay-shares/${card.token}/orders/${res.body.orderNo}`)
    .set(as(daughter))
  expect(read.status).toBe(200)
  expect(read.body.timeline[0]).toMatchObject({ label: '已下单', done: true })
})

test('when the card paid, then the payer still cannot read the account itself', async () => {
  const res = await request(bff.url).get(`/api/v1/accounts/${testAccounts.iot}`).set(as(daughter))
  expect(res.status).toBe(403)
})

test('when someone else asks for the daughter’s order, then 404', async () => {
  const card = await share(testAccounts.iot, { purpose: 'recharge', amountFen: 5000 })
  const paid = await payThrough(card.token, daughter, { amountFen: 5000, channel: 'h5' })
  const res = await request(bff.url)
    .get(`/api/v1/pay-shares/${card.token}/orders/${paid.body.orderNo}`)
    .set(as(stranger))
  expect(res.status).toBe(404)
})

test('when the payer changes the shared amount, then it is refused and no order is made', async () => {
  const card = await share(testAccounts.iot, { purpose: 'recharge', amountFen: 10000 })
  const res = await payThrough(card.token, daughter, { amountFen: 100, channel: 'h5' })
  expect(res.status).toBe(422)
  expect(res.body.error.message).toContain('金额与家人分享的不一致')
})

test('when a bill is shared, then the card asks for exactly what is owed', async () => {
  const card = await share(testAccounts.postpaid, { purpose: 'bill', amountFen: 1 })
  const view = await request(bff.url).get(`/api/v1/pay-shares/${card.token}`).set(as(daughter))
  expect(view.body).toMatchObject({ what: '燃气费', amountFen: 12345, purpose: 'bill' })
  const res = await payThrough(card.token, daughter, { amountFen: 12345, channel: 'h5' })
  expect(res.status).toBe(201)
  expect(res.body.purpose).toBe('bill')
})

test('when the card is unknown or malformed, then 404 or 400 with a Chinese reason', async () => {
  const unknown = await request(bff.url)
    .get(`/api/v1/pay-shares/${'A'.repeat(22)}`)
    .set(as(daughter))
  expect(unknown.status).toBe(404)
  expect(unknown.body.error.message).toContain('代缴链接已失效')
  const bad = await request(bff.url).get('/api/v1/pay-shares/short').set(as(daughter))
  expect(bad.status).toBe(400)
})

test('when someone not bound tries to make a card for the account, then 403 like any account route', async () => {
  const res = await request(bff.url)
    .post(`/api/v1/accounts/${testAccounts.iot}/pay-shares`)
    .set(as(stranger))
    .set('idempotency-key', key())
    .send({ purpose: 'recharge', amountFen: 10000 })
  expect(res.status).toBe(403)
})

describe('a card lasts as long as its creator’s access', () => {
  /** Someone else bound to the IoT account (as owner or family), who makes a card and leaves. */
  async function creatorOf(role: 'owner' | 'family') {
    const creator = await bff.login()
    await bff.bind(creator.userId, testAccounts.iot)
    if (role === 'family') {
      await bff.container.db
        .getRepository(AccountBinding)
        .update({ userId: creator.userId, accountNo: testAccounts.iot }, { role: 'family' })
    }
    const res = await request(bff.url)
      .post(`/api/v1/accounts/${testAccounts.iot}/pay-shares`)
      .set(as(creator))
      .set('idempotency-key', key())
      .send({ purpose: 'recharge', amountFen: 3000 })
    expect(res.status).toBe(201)
    return { ...creator, card: res.body.token as string }
  }
  const unbind = (who: { token: string }) =>
    request(bff.url)
      .delete(`/api/v1/accounts/${testAccounts.iot}/binding`)
      .set(as(who))
      .set('idempotency-key', key())
      .expect(200)
  const ordersOfAccount = async () =>
    (
      await request(bff.url)
        .get(`/api/v1/accounts/${testAccounts.iot}/recharges`)
        .set(as(owner))
        .expect(200)
    ).body.orders as unknown[]

  test('when the creator unbinds, then the card can neither be read nor paid, and no order is made', async () => {
    const creator = await creatorOf('owner')
    expect(
      (await request(bff.url).get(`/api/v1/pay-shares/${creator.card}`).set(as(daughter))).status,
    ).toBe(200)
    await unbind(creator)
    const before = (await ordersOfAccount()).length

    const view = await request(bff.url).get(`/api/v1/pay-shares/${creator.card}`).set(as(daughter))
    expect(view.status).toBe(404)
    expect(view.body.error.message).toContain('代缴链接已失效')
    const paid = await payThrough(creator.card, daughter, { amountFen: 3000, channel: 'h5' })
    expect(paid.status).toBe(404)
    expect(paid.body.error.message).toContain('代缴链接已失效')
    expect(await ordersOfAccount()).toHaveLength(before)
  })

  test('when the creator unbinds and binds the account again, then the old card stays void', async () => {
    const creator = await creatorOf('owner')
    await unbind(creator)
    await bff.bind(creator.userId, testAccounts.iot)
    const paid = await payThrough(creator.card, daughter, { amountFen: 3000, channel: 'h5' })
    expect(paid.status).toBe(404)
  })

  test('when the owner removes the family member who made the card, then it no longer pays', async () => {
    const member = await creatorOf('family')
    const members = await request(bff.url)
      .get(`/api/v1/accounts/${testAccounts.iot}/family/members`)
      .set(as(owner))
      .expect(200)
    const row = (members.body.members as { memberId: string; role: string }[]).find(
      (m) => m.role === 'family',
    )
    if (!row) throw new Error('the member is not listed')
    await request(bff.url)
      .delete(`/api/v1/accounts/${testAccounts.iot}/family/members/${row.memberId}`)
      .set(as(owner))
      .set('idempotency-key', key())
      .expect(200)
    const paid = await payThrough(member.card, daughter, { amountFen: 3000, channel: 'h5' })
    expect(paid.status).toBe(404)
  })
})
