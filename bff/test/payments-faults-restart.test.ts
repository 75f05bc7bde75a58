import { Queue } from 'bullmq'
import type { TestBff } from './harness'
import { redisUrl } from './harness'
import { redisOptionsFromUrl } from '../src/platform/redis'
import {
  eventually,
  ledgerOf,
  notificationsOf,
  openWorld,
  pay,
  storedOrder,
  testPayments,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * An instance stopped between PAID and CREDITED, and a meter offline past the credit deadline,
 * against the real sandbox. Instances share one database and Redis, hence the settle queue.
 */
const IOT = '1000000001'
const IOT_ELDER = '1000000007'

const creditFailures = (instance: TestBff, orderNo: string) =>
  instance.logs.filter((l) => l.includes('"credit failed"') && l.includes(orderNo)).length

async function stateOf(instance: TestBff, orderNo: string, state: string) {
  await eventually(async () => {
    expect((await storedOrder(instance, orderNo)).state).toBe(state)
  }, 20_000)
  return storedOrder(instance, orderNo)
}

/** Simulates Redis losing the job with the crash (or the crash before the enqueue). */
async function dropSettleJob(databaseUrl: string, orderId: string): Promise<void> {
  const namespace = new URL(databaseUrl).pathname.slice(1)
  const queue = new Queue(`${namespace}-settle`, {
    // The instances' own Redis database, not only its host: a REDIS_URL may name one.
    connection: redisOptionsFromUrl(redisUrl()),
    prefix: '{gh}',
  })
  // The job is there (job id = order id), so removing it is what the sweep must make up for.
  expect(await queue.getJob(orderId)).toBeDefined()
  await queue.obliterate({ force: true })
  expect(await queue.getJob(orderId)).toBeUndefined()
  await queue.close()
}

describe('when the instance crediting an order stops between PAID and CREDITED', () => {
  let world: SandboxWorld

  beforeAll(async () => {
    world = await openWorld(testPayments)
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  /** Pays an order through `first` while the meter gateway is down, then stops `first`. */
  async function payThenStop(first: TestBff, accountNo: string, amountFen: number) {
    const resident = await world.resident(accountNo)
    world.route(first)
    await world.core().post('/sandbox/meters/fail-next').send({ count: 1000 }).expect(200)
    const orderNo = await resident.create(accountNo, 'recharge', amountFen, first)
    await pay(world, orderNo)
    await eventually(() => expect(creditFailures(first, orderNo)).toBeGreaterThanOrEqual(1))
    const { id } = await storedOrder(first, orderNo)
    await world.stopInstance(first)
    expect((await ledgerOf(world, accountNo, id)).credits).toHaveLength(0)
    return { orderNo, id, resident }
  }

  /** A fresh instance takes the job over: it fails too while the gateway is down, then credits. */
  async function resumeOn(next: TestBff, accountNo: string, orderNo: string, id: string) {
    world.route(next)
    await eventually(() => expect(creditFailures(next, orderNo)).toBeGreaterThanOrEqual(1))
    await world.core().post('/sandbox/meters/fail-next').send({ count: 0 }).expect(200)
    const order = await stateOf(next, orderNo, 'CREDITED')
    expect(order.transitions).toEqual([
      '→CREATED:created',
      'CREATED→PAYING:provider_order',
      'PAYING→PAID:paid_notify',
      'PAID→CREDITING:credit_sent',
      'CREDITING→CREDITED:credit_applied',
    ])
    const ledger = await ledgerOf(world, accountNo, id)
    expect(ledger.credits).toEqual([expect.objectContaining({ status: 'applied' })])
    expect(ledger.postings).toHaveLength(1)
    expect(ledger.refunds).toHaveLength(0)
    return order
  }

  test('when its settle job is still in Redis, then a fresh instance on the same database and Redis resumes it and the meter is credited once', async () => {
    const first = await world.startInstance()
    const { orderNo, id, resident } = await payThenStop(first, IOT, 2000)

    const second = await world.startInstance()
    await resumeOn(second, IOT, orderNo, id)
    expect((await resident.read(IOT, 'recharge', orderNo, second)).state).toBe('CREDITED')
    await world.stopInstance(second)
  }, 40_000)

  test('when the settle job was lost with it, then the recovery sweep of a fresh instance re-enqueues it and the meter is credited once', async () => {
    const first = await world.startInstance()
    const { orderNo, id } = await payThenStop(first, IOT_ELDER, 2000)
    await dropSettleJob(first.databaseUrl, id)

    const second = await world.startInstance()
    await resumeOn(second, IOT_ELDER, orderNo, id)
    await world.stopInstance(second)
  }, 40_000)
})

describe('when an IoT meter stays offline beyond the credit deadline', () => {
  let world: SandboxWorld
  let instance: TestBff

  beforeAll(async () => {
    world = await openWorld({ ...testPayments, creditDeadlineMs: 1_500 })
    instance = await world.startInstance()
    await world.startInstance()
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  test('when the meter does not come back online in time, then the billing posting is reversed once, the payer is refunded once and the order ends REFUNDED', async () => {
    const resident = await world.resident(IOT)
    const customer = await world.core().get(`/customers/v1/accounts/${IOT}`).expect(200)
    const meterNo = customer.body.meterNo as string
    await world.core().post(`/sandbox/meters/${meterNo}/online`).send({ online: false }).expect(200)
    const orderNo = await resident.create(IOT, 'recharge', 3000)
    await pay(world, orderNo)

    const order = await stateOf(instance, orderNo, 'REFUNDED')
    expect(order.transitions.slice(0, 5)).toEqual([
      '→CREATED:created',
      'CREATED→PAYING:provider_order',
      'PAYING→PAID:paid_notify',
      'PAID→CREDITING:credit_sent',
      'CREDITING→CREDIT_FAILED:meter_offline',
    ])
    expect(order.transitions[5]).toBe('CREDIT_FAILED→REFUNDING:refund_started')
    expect(order.transitions[6]).toMatch(/^REFUNDING→REFUNDED:refund_(success|notify)$/)
    expect(order.transitions).toHaveLength(7)

    const ledger = await ledgerOf(world, IOT, order.id)
    expect(ledger.credits).toHaveLength(0)
    expect(ledger.postings).toEqual([expect.objectContaining({ amountFen: 3000 })])
    expect(ledger.refunds).toEqual([expect.objectContaining({ amountFen: 3000 })])
    const refunds = (await notificationsOf(world, orderNo)).filter(
      (n) => n.kind === 'REFUND.SUCCESS',
    )
    expect(refunds).toHaveLength(1)
    expect((await resident.read(IOT, 'recharge', orderNo)).state).toBe('REFUNDED')
  }, 40_000)
})
