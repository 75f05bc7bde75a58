import type { TestBff } from './harness'
import {
  eventually,
  ledgerOf,
  notificationsOf,
  openWorld,
  pay,
  storedOrder,
  testPayments,
  type Purpose,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * Lost notifications and a failing crediting upstream, against the real sandbox, with two BFF
 * instances sharing one database and Redis. The provider is queried 200 ms after creation and
 * then every 200 ms, so a lost notification is recovered by polling.
 */
let world: SandboxWorld
let a: TestBff
let b: TestBff
let resident: Resident

const IOT = '1000000001'
const IOT_PARENTS = '1000000008'
const IC = '1000000002'
/** Accounts paid by bill, postpaid gas before heating; all bound to the resident. */
let billed: string[] = []
const paidOff = new Set<string>()

interface Listed {
  accountNo: string
  kind: string
  status: string
}

const BILLED_KINDS = ['postpaid_gas', 'heating']

/** The sandbox's accounts that are paid by bill and not suspended. */
async function billedAccounts(): Promise<string[]> {
  const res = await world.core().get('/sandbox/accounts?pageSize=200').expect(200)
  const page = res.body as { personas: Listed[]; generated: { items: Listed[] } }
  const rank = (a: Listed) => BILLED_KINDS.indexOf(a.kind)
  return [...page.personas, ...page.generated.items]
    .filter((a) => rank(a) >= 0 && a.status !== 'suspended')
    .sort((x, y) => rank(x) - rank(y))
    .map((a) => a.accountNo)
}

/**
 * An account that owes something now and no earlier test paid off. Which bills are open
 * depends on the sandbox's date, so the account is picked by that property, not by number.
 */
async function owingAccount(): Promise<{ accountNo: string; owed: number }> {
  for (const accountNo of billed.filter((no) => !paidOff.has(no))) {
    const owed = await resident.owedFen(accountNo)
    if (owed > 0) {
      paidOff.add(accountNo)
      return { accountNo, owed }
    }
  }
  throw new Error('no bound account owes anything')
}

beforeAll(async () => {
  world = await openWorld({ ...testPayments, pollDelaysMs: [200] })
  a = await world.startInstance()
  b = await world.startInstance()
  billed = await billedAccounts()
  resident = await world.resident(IOT, IOT_PARENTS, IC, ...billed)
}, 60_000)
afterAll(async () => {
  await world?.close()
})
afterEach(async () => {
  await world.core().delete('/sandbox/notifications/faults').expect(204)
  await world.core().delete('/sandbox/faults').expect(200)
  await world.core().post('/sandbox/meters/fail-next').send({ count: 0 }).expect(200)
})

async function settled(orderNo: string, state: string) {
  await eventually(async () => {
    expect((await storedOrder(a, orderNo)).state).toBe(state)
  }, 20_000)
  return storedOrder(a, orderNo)
}

function countOf(transitions: string[], to: string): number {
  return transitions.filter((t) => t.split(':')[0]?.endsWith(`→${to}`)).length
}

/** One entry per state of the path, whatever caused each move. */
function expectOnePass(transitions: string[], states: string[]): void {
  for (const state of states) expect(countOf(transitions, state)).toBe(1)
}

describe('when the payment notification is lost', () => {
  async function payLost(accountNo: string, purpose: Purpose, amountFen: number) {
    const orderNo = await resident.create(accountNo, purpose, amountFen)
    await world
      .core()
      .post('/sandbox/notifications/faults')
      .send({ provider: 'wechatpay', mode: 'lost', outTradeNo: orderNo })
      .expect(200)
    await pay(world, orderNo)
    return orderNo
  }

  test('when an IoT top-up’s notification is lost, then polling the provider finds it paid and the meter is credited once', async () => {
    const orderNo = await payLost(IOT, 'recharge', 2500)
    const order = await settled(orderNo, 'CREDITED')
    expect(order.transitions).toContain('PAYING→PAID:paid_query')
    expect(await notificationsOf(world, orderNo)).toEqual([
      expect.objectContaining({ state: 'lost', attempts: [] }),
    ])
    const ledger = await ledgerOf(world, IOT, order.id)
    expect(ledger.credits).toEqual([
      expect.objectContaining({ amountFen: 2500, status: 'applied' }),
    ])
    expect(ledger.postings).toHaveLength(1)
    expect(ledger.refunds).toHaveLength(0)
  }, 30_000)

  test('when a bill payment’s notification is lost, then polling finds it paid and billing posts it once', async () => {
    const { accountNo, owed } = await owingAccount()
    const orderNo = await payLost(accountNo, 'bill', owed)
    const order = await settled(orderNo, 'CREDITED')
    expect(order.transitions).toContain('PAYING→PAID:paid_query')
    const ledger = await ledgerOf(world, accountNo, order.id)
    expect(ledger.postings).toEqual([expect.objectContaining({ amountFen: owed })])
    expect(ledger.refunds).toHaveLength(0)
  }, 30_000)
})

describe('when the crediting upstream fails 5 times, then recovers', () => {
  // Whichever instance's worker ran the job logged it.
  const creditFailures = (orderNo: string) =>
    [...a.logs, ...b.logs].filter((l) => l.includes('"credit failed"') && l.includes(orderNo))
      .length

  test('when the meter gateway fails an IoT credit 5 times, then a later retry credits the meter once and the order ends CREDITED', async () => {
    await world.core().post('/sandbox/meters/fail-next').send({ count: 5 }).expect(200)
    const orderNo = await resident.create(IOT_PARENTS, 'recharge', 2000)
    await pay(world, orderNo)

    const order = await settled(orderNo, 'CREDITED')
    expect(creditFailures(orderNo)).toBeGreaterThanOrEqual(1)
    expectOnePass(order.transitions, ['PAID', 'CREDITING', 'CREDITED'])
    const ledger = await ledgerOf(world, IOT_PARENTS, order.id)
    expect(ledger.credits).toEqual([
      expect.objectContaining({ amountFen: 2000, status: 'applied' }),
    ])
    expect(ledger.postings).toHaveLength(1)
    expect(ledger.refunds).toHaveLength(0)
  }, 30_000)

  test('when the meter system fails an IC-card purchase 5 times, then one purchase is recorded and writing the card ends the order CARD_WRITTEN', async () => {
    await world.core().post('/sandbox/meters/fail-next').send({ count: 5 }).expect(200)
    const orderNo = await resident.create(IC, 'recharge', 2000)
    await pay(world, orderNo)

    const awaiting = await settled(orderNo, 'AWAITING_CARD_WRITE')
    expect(creditFailures(orderNo)).toBeGreaterThanOrEqual(1)
    await world
      .core()
      .post(`/meters/v1/ic/purchases/${awaiting.id}/write`)
      .send({ by: 'agent', agentId: 'AG-TEST-02' })
      .expect(200)
    const order = await settled(orderNo, 'CARD_WRITTEN')
    expectOnePass(order.transitions, ['PAID', 'CREDITING', 'CREDITED', 'AWAITING_CARD_WRITE'])
    const ledger = await ledgerOf(world, IC, order.id)
    expect(ledger.icPurchases).toEqual([
      expect.objectContaining({ amountFen: 2000, status: 'written' }),
    ])
    expect(ledger.postings).toHaveLength(1)
    expect(ledger.refunds).toHaveLength(0)
  }, 30_000)

  test('when billing fails a bill payment’s posting at least 5 times, then once billing is back the payment is posted once and the order ends CREDITED', async () => {
    const { accountNo, owed } = await owingAccount()
    const orderNo = await resident.create(accountNo, 'bill', owed)
    // After the order exists: creating it reads the amount owed from billing.
    await world.core().post('/sandbox/faults').send({ port: 'billing', errorRate: 1 }).expect(200)
    await pay(world, orderNo)
    // Each failed pass is three refused HTTP calls (the upstream client retries twice).
    await eventually(() => expect(creditFailures(orderNo)).toBeGreaterThanOrEqual(2), 20_000)
    expect((await storedOrder(a, orderNo)).state).toBe('CREDITING')
    await world.core().delete('/sandbox/faults/billing').expect(200)

    const order = await settled(orderNo, 'CREDITED')
    expectOnePass(order.transitions, ['PAID', 'CREDITING', 'CREDITED'])
    const ledger = await ledgerOf(world, accountNo, order.id)
    expect(ledger.postings).toEqual([expect.objectContaining({ amountFen: owed })])
    expect(ledger.refunds).toHaveLength(0)
  }, 40_000)
})
