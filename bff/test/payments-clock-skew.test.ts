import type { TestBff } from './harness'
import { fastPayments } from './payment-fakes'
import {
  eventually,
  ledgerOf,
  openWorld,
  pay,
  storedOrder,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * The payment provider and the meter system run on a clock 10 days behind the BFF's, as a
 * sandbox pinned to a past date does next to a BFF on real time. The BFF times its own steps
 * (the credit deadline, the meter watch) on its own clock; the provider's paid time is data.
 */
const DAY_MS = 24 * 3600_000
const PROVIDER_BEHIND_MS = 10 * DAY_MS
const IOT = '1000000001'

let world: SandboxWorld
let bff: TestBff
let resident: Resident

beforeAll(async () => {
  world = await openWorld(
    // The production deadline (24 h) and meter watch; the provider is asked about the order soon.
    { ...fastPayments, pollDelaysMs: [200] },
    { bffClockAheadMs: PROVIDER_BEHIND_MS },
  )
  bff = await world.startInstance()
  resident = await world.resident(IOT)
  // The meter confirms a credit only when it next talks to the network, a few seconds later.
  await world.core().post('/sandbox/meters/settings').send({ confirmDelayMs: 3_000 }).expect(200)
}, 60_000)
afterAll(async () => {
  await world?.close()
})

/** Log lines at warn level or above (pino: 40 warn, 50 error, 60 fatal) about the order. */
const warnings = (orderNo: string) =>
  bff.logs.filter((l) => l.includes(orderNo) && /"level":[456]0\b/.test(l))

test('when the provider’s clock is 10 days behind and the meter confirms a paid IoT top-up a few seconds later, then the order ends CREDITED with no refund attempt and no warning', async () => {
  const withdrawals = jest.spyOn(bff.container.ports.payments.credit, 'refundPosting')
  const orderNo = await resident.create(IOT, 'recharge', 3000)
  await pay(world, orderNo)

  await eventually(async () => {
    expect((await storedOrder(bff, orderNo)).state).toBe('CREDITED')
  }, 20_000)
  const order = await storedOrder(bff, orderNo)
  expect(order.transitions.map((t) => t.split(':')[0])).toEqual([
    '→CREATED',
    'CREATED→PAYING',
    'PAYING→PAID',
    'PAID→CREDITING',
    'CREDITING→CREDITED',
  ])
  expect(withdrawals).not.toHaveBeenCalled()
  expect(warnings(orderNo)).toEqual([])
  const ledger = await ledgerOf(world, IOT, order.id)
  expect(ledger.credits).toEqual([expect.objectContaining({ amountFen: 3000, status: 'applied' })])
  expect(ledger.refunds).toHaveLength(0)

  // The paid time the resident sees is the provider's, ten days before the BFF's own clock.
  const { paidAt } = await resident.read(IOT, 'recharge', orderNo)
  expect(world.now().getTime() - Date.parse(paidAt ?? '')).toBeGreaterThan(
    PROVIDER_BEHIND_MS - DAY_MS,
  )
}, 40_000)
