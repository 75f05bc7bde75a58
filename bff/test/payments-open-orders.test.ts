import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { startBff, type TestBff } from './harness'
import { fastPayments, paymentFakes, testAccounts, type PaymentFakes } from './payment-fakes'

/**
 * Unpaid orders and the daily limit. The watch job's first look and the sweep are far away, so
 * an order past its expiry stays unpaid in the table, as when the job queue is behind.
 */
const ORDER_TTL_MS = 5_000

let bff: TestBff
let fakes: PaymentFakes
let owner: { token: string; userId: string }
let nextAccount = 1000000201

beforeAll(async () => {
  fakes = paymentFakes()
  bff = await startBff({
    ports: { payments: fakes.ports },
    payments: {
      ...fastPayments,
      orderTtlMs: ORDER_TTL_MS,
      pollDelaysMs: [60_000],
      sweepEveryMs: 60_000,
      sweepStaleMs: 60_000,
    },
  })
  owner = await bff.login()
})
afterAll(async () => {
  await bff.close()
})

const as = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` })
const key = () => `k-${randomUUID()}`

/** A fresh IoT account bound to the owner, with a daily limit of `maxPerDayFen`. */
async function account(maxPerDayFen = 200_000): Promise<string> {
  const accountNo = String(nextAccount++)
  const base = await fakes.accounts.facts(testAccounts.iot)
  if (!base) throw new Error('no base account')
  fakes.accounts.accounts.set(accountNo, { ...base, limits: { ...base.limits, maxPerDayFen } })
  await bff.bind(owner.userId, accountNo)
  return accountNo
}

const topUp = (accountNo: string, amountFen: number, who = owner) =>
  request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/recharges`)
    .set(as(who))
    .set('idempotency-key', key())
    .send({ amountFen, channel: 'h5' })

test('when an account has 3 unpaid orders open, then a 4th is refused saying to pay or cancel one, and cancelling one makes room', async () => {
  const accountNo = await account()
  const open: string[] = []
  for (let i = 0; i < 3; i++) {
    const res = await topUp(accountNo, 5000)
    expect(res.status).toBe(201)
    open.push(res.body.orderNo as string)
  }
  const fourth = await topUp(accountNo, 5000)
  expect(fourth.status).toBe(409)
  expect(fourth.body.error.code).toBe('TOO_MANY_OPEN_ORDERS')
  expect(fourth.body.error.message).toContain('请先完成支付或取消其中一笔')

  await request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/recharges/${open[0]}/close`)
    .set(as(owner))
    .set('idempotency-key', key())
    .expect(201)
  expect((await topUp(accountNo, 5000)).status).toBe(201)
})

test('when 25 unpaid orders are tried on a ¥150 daily limit, then at most 3 are open and, once they expire, the whole limit is there again', async () => {
  const accountNo = await account(15_000)
  const answers = []
  for (let i = 0; i < 25; i++) answers.push(await topUp(accountNo, 5000))
  const accepted = answers.filter((a) => a.status === 201)
  expect(accepted).toHaveLength(3)

  // expiresAt is given to the second.
  const lastExpiry = Math.max(...accepted.map((a) => Date.parse(a.body.expiresAt as string)))
  await new Promise((resolve) => setTimeout(resolve, lastExpiry + 1_200 - Date.now()))
  const afterExpiry = await topUp(accountNo, 15_000)
  expect(afterExpiry.status).toBe(201)
  const options = await request(bff.url)
    .get(`/api/v1/accounts/${accountNo}/payment-options`)
    .set(as(owner))
    .expect(200)
  // The new order can still be paid, so it holds the whole day's limit.
  expect(options.body.recharge.maxFen).toBe(0)
}, 20_000)

test('when a share card holder opens orders, then the same cap holds for them', async () => {
  const accountNo = await account()
  const card = await request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/pay-shares`)
    .set(as(owner))
    .set('idempotency-key', key())
    .send({ purpose: 'recharge', amountFen: null })
    .expect(201)
  const holder = await bff.login()
  const statuses: number[] = []
  for (let i = 0; i < 5; i++) {
    const res = await request(bff.url)
      .post(`/api/v1/pay-shares/${card.body.token}/orders`)
      .set(as(holder))
      .set('idempotency-key', key())
      .send({ amountFen: 2000, channel: 'h5' })
    statuses.push(res.status)
  }
  expect(statuses).toEqual([201, 201, 201, 409, 409])
  expect((await topUp(accountNo, 2000)).body.error.code).toBe('TOO_MANY_OPEN_ORDERS')
})
