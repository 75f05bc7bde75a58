import request from 'supertest'
import { Bill, BillList, ErrorEnvelope, fenToYuanString } from '@gh/shared'
import type { TestBff } from './harness'
import {
  eventually,
  openWorld,
  pay,
  testPayments,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * 账单 through the real billing adapter and the core sandbox: what a resident is shown owing,
 * each bill's lines in words, and that paying exactly the shown amount settles every bill.
 */
const ARREARS = '1000000005' // 陈静: overdue gas bills with 滞纳金
const HEATING = '1000000004' // 刘洋: area-based heating fee
/** Postpaid gas whose bills nobody reads before billing goes down, so none are cached. */
const UNREAD = '1000000010'

let world: SandboxWorld
let bff: TestBff
let resident: Resident

beforeAll(async () => {
  world = await openWorld(testPayments)
  bff = await world.startInstance()
  resident = await world.resident(ARREARS, HEATING, UNREAD)
}, 30_000)
afterAll(() => world?.close())

const get = (path: string, token = resident.token) =>
  request(bff.url).get(`/api/v1${path}`).set('authorization', `Bearer ${token}`)

async function listOf(accountNo: string): Promise<BillList> {
  const res = await get(`/accounts/${accountNo}/bills`)
  expect(res.status).toBe(200)
  return BillList.parse(res.body)
}

function expectError(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status)
  const { error } = ErrorEnvelope.parse(res.body)
  expect(error.code).toBe(code)
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
}

test('when a resident with overdue bills opens 账单, then the amount due includes the late fee and equals what the unpaid bills still owe', async () => {
  const { due, bills } = await listOf(ARREARS)
  const unpaid = bills.filter((b) => b.status !== 'paid')
  expect(due.amountDueFen).toBeGreaterThan(0)
  expect(due.amountDueFen).toBe(unpaid.reduce((sum, b) => sum + b.outstandingFen, 0))
  expect(due.lateFeeFen).toBeGreaterThan(0)
  expect(due.overdueBillCount).toBe(bills.filter((b) => b.overdue).length)
  expect(unpaid.map((b) => b.statusLabel)).toEqual(unpaid.map(() => '未缴'))
  expect(bills.find((b) => b.status === 'paid')?.statusLabel).toBe('已缴')
  // The payment options (what 立即缴费 is checked against) owe the same amount.
  expect(await resident.owedFen(ARREARS)).toBe(due.amountDueFen)
})

test('when bills are listed, then they come newest first with +08:00 times and no personal data', async () => {
  const res = await get(`/accounts/${ARREARS}/bills`)
  const { bills } = BillList.parse(res.body)
  const periods = bills.map((b) => b.period.from)
  expect(periods).toEqual([...periods].sort().reverse())
  expect(bills[0]?.title).toMatch(/^\d{4}年\d{1,2}月燃气费$/)
  for (const b of bills) {
    expect(b.dueAt).toMatch(/\+08:00$/)
    expect(b.issuedAt).toMatch(/\+08:00$/)
    if (b.paidAt) expect(b.paidAt).toMatch(/\+08:00$/)
  }
  const text = JSON.stringify(res.body)
  expect(text).not.toContain('陈静')
  expect(text).not.toContain('13803110005')
  expect(text).not.toContain('JL4799000005') // the meter number is not needed to read a bill
})

test('when an overdue gas bill is opened, then its tier and late-fee lines explain themselves and add up to the bill', async () => {
  const { bills } = await listOf(ARREARS)
  const overdue = bills.find((b) => b.overdue && b.lateFeeFen > 0)
  if (!overdue) throw new Error('the arrears persona has no overdue bill with a late fee')
  const res = await get(`/accounts/${ARREARS}/bills/${overdue.billId}`)
  expect(res.status).toBe(200)
  const bill = Bill.parse(res.body)
  expect(bill.lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(bill.amountFen)
  // Which tier the month falls in depends on the year's use so far; its label names that tier.
  const tier = bill.lines.find((l) => l.type === 'gas_tier')
  if (tier?.type !== 'gas_tier') throw new Error('no tier line')
  expect(tier.label).toBe(`第${['一', '二', '三'][tier.tier - 1]}阶梯`)
  expect(tier?.explanation).toMatch(/^\d+(\.\d+)? m³ × \d+\.\d{2} 元\/m³ = \d+\.\d{2} 元$/)
  const fee = bill.lines.find((l) => l.type === 'late_fee')
  if (fee?.type !== 'late_fee') throw new Error('no late-fee line')
  expect(fee.amountFen).toBe(bill.lateFeeFen)
  expect(fee.label).toBe(`滞纳金（逾期 ${fee.days} 天）`)
  expect(fee.explanation).toContain(`× 0.1%/天 × ${fee.days} 天（${fee.fromDate} 起）`)
  expect(bill.usage?.volumeDm3).toBeGreaterThan(0)
  // The note tells the tier story once; the late fee is told by its line, not again.
  expect(bill.note).toMatch(/^\d{4}年\d{1,2}月用气 .+。$/)
  expect(bill.note).not.toContain('滞纳金')
})

test('when a heating bill is opened, then its line reads area × unit price', async () => {
  const { bills } = await listOf(HEATING)
  const first = bills[0]
  expect(first?.kind).toBe('heating')
  expect(first?.title).toMatch(/^\d{4}-\d{4} 采暖季供暖费$/)
  const line = first?.lines[0]
  expect(line?.type).toBe('heating')
  expect(line?.explanation).toBe(
    `建筑面积 98.56 m² × 22.80 元/m² = ${fenToYuanString(first?.amountFen ?? 0)} 元`,
  )
  expect(first?.usage).toBeNull()
})

test('when a bill id does not exist on the account, then 404 BILL_NOT_FOUND', async () => {
  expectError(await get(`/accounts/${ARREARS}/bills/G9999999999202601`), 404, 'BILL_NOT_FOUND')
  // Another account's bill is not this account's bill.
  const { bills } = await listOf(HEATING)
  expectError(
    await get(`/accounts/${ARREARS}/bills/${bills[0]?.billId ?? ''}`),
    404,
    'BILL_NOT_FOUND',
  )
})

test('when a caller has not bound the account, then bills and a bill answer 403 ACCOUNT_NOT_BOUND', async () => {
  const stranger = await bff.login()
  expectError(await get(`/accounts/${ARREARS}/bills`, stranger.token), 403, 'ACCOUNT_NOT_BOUND')
  expectError(
    await get(`/accounts/${ARREARS}/bills/G1000000005202610`, stranger.token),
    403,
    'ACCOUNT_NOT_BOUND',
  )
  expect((await request(bff.url).get(`/api/v1/accounts/${ARREARS}/bills`)).status).toBe(401)
})

test('when the resident pays exactly the amount due, then every bill reads 已缴 and nothing is owed', async () => {
  const before = await listOf(ARREARS)
  const orderNo = await resident.create(ARREARS, 'bill', before.due.amountDueFen)
  await pay(world, orderNo)
  await eventually(async () => {
    expect((await resident.read(ARREARS, 'bill', orderNo)).state).toBe('CREDITED')
  }, 20_000)
  const after = await listOf(ARREARS)
  expect(after.due).toMatchObject({ amountDueFen: 0, arrearsFen: 0, lateFeeFen: 0 })
  expect(after.bills.every((b) => b.statusLabel === '已缴' && !b.overdue)).toBe(true)
  // Settled late fees stay on the bills that carried them, as paid.
  const settled = after.bills.filter((b) => b.lateFeeFen > 0)
  expect(settled.length).toBe(before.due.overdueBillCount)
}, 30_000)

test('when billing is down, then 503 BILLS_UNAVAILABLE says in Chinese to try again later', async () => {
  await world.core().post('/sandbox/faults').send({ port: 'billing', errorRate: 1 }).expect(200)
  try {
    const res = await get(`/accounts/${UNREAD}/bills`)
    expectError(res, 503, 'BILLS_UNAVAILABLE')
    expect(res.body.error.message).toBe('账单暂时查不到，请稍后再试（已缴的费用不受影响）')
  } finally {
    await world.core().delete('/sandbox/faults/billing').expect(200)
  }
})
