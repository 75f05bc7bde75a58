import { z } from 'zod'
import { Bill, type BillLine } from '../../../contracts/billing'
import { UpstreamError } from '../../../contracts/common'
import { AccountPathParams } from '../../../contracts/customers'
import type { ContractOperation } from '../../../contracts/openapi'
import { SandboxError } from '../../middleware/errors'
import { dayOf, dayStartMs } from '../meters/days'
import { dm2ToM2String, fenToYuanString, heatingSeasonFee } from '@gh/shared'
import { gasLines } from './bill-lines'
import type { BillRecord } from './bill-record'
import type { Billing } from './billing'
import { HEATING_PRICE_FEN_PER_M2, currentSeason } from './tariffs'

/**
 * `POST /sandbox/billing/accounts/:accountNo/bills`: billing issues a bill now, outside the
 * monthly run, so a tester sees a new bill, then (moving the clock) one due soon and overdue.
 */
export const IssueBillRequest = z.object({
  dueInDays: z.number().int().min(0).max(60).default(10).describe('due at the end of that day'),
  volumeM3: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .describe('gas bills: the volume charged at the first tier'),
  days: z.number().int().min(1).max(60).default(30).describe('heating bills: heated days'),
})
export type IssueBillRequest = z.infer<typeof IssueBillRequest>

export function issueBillNow(
  billing: Billing,
  accountNo: string,
  input: IssueBillRequest,
): BillRecord {
  const account = billing.account(accountNo)
  const book = billing.book(account)
  if (!book) throw new SandboxError(422, 'NOT_BILLED', '预付费户号没有账单')
  const now = billing.clock.nowMs()
  const today = dayOf(now)
  const dueAtMs = dayStartMs(today + 1 + input.dueInDays) - 1000
  const seq = book.bills.filter((b) => b.billId.startsWith('X')).length + 1
  const billId = `X${accountNo}${String(seq).padStart(3, '0')}`
  const charges =
    book.heating === null
      ? gasCharges(book.tariff.gas, input.volumeM3)
      : heatingCharges(book.heating.areaDm2, today, input.days)
  const bill: BillRecord = {
    billId,
    accountNo,
    kind: book.heating === null ? 'gas' : 'heating',
    fromDay: today - (book.heating === null ? 30 : input.days),
    toDay: today - 1,
    issuedAtMs: now,
    dueAtMs,
    ...charges,
    chargePaidFen: 0,
    chargeChanges: [],
    lateFeePaidFen: 0,
    paidAtMs: null,
    meter: null,
  }
  book.bills.push(bill)
  return bill
}

function gasCharges(tariff: Parameters<typeof gasLines>[0], volumeM3: number) {
  const { lines, totalFen } = gasLines(tariff, 0, volumeM3 * 1000)
  return { chargeFen: totalFen, lines, summary: `临时出账：用气 ${volumeM3} m³，按第一阶梯计价。` }
}

function heatingCharges(areaDm2: number, today: number, days: number) {
  const season = currentSeason(today)
  const heated = Math.min(days, season.days)
  const price = HEATING_PRICE_FEN_PER_M2
  const fee = heatingSeasonFee(areaDm2, price, {
    seasonDays: season.days,
    heatedDays: heated,
    stoppedFeePercent: 0,
  })
  const line: BillLine = {
    type: 'heating',
    areaDm2,
    priceFenPerM2: price,
    days: heated,
    seasonDays: season.days,
    percent: 100,
    amountFen: fee.heatedFen,
    explanation:
      `供暖 ${heated}/${season.days} 天：${dm2ToM2String(areaDm2)} m² × ` +
      `${fenToYuanString(price)} 元/m² = ${fenToYuanString(fee.heatedFen)} 元`,
  }
  return { chargeFen: fee.heatedFen, lines: [line], summary: `临时出账：供暖 ${heated} 天。` }
}

export const billingDevSchemas = { IssueBillRequest }

export const billingDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'issueBillNow',
    method: 'post',
    path: '/sandbox/billing/accounts/:accountNo/bills',
    summary: 'Issues a bill for a billed account now (gas: first-tier volume; heating: days)',
    description:
      'The bill is listed by billing at once, unpaid, due `dueInDays` days from today; ' +
      'move the clock to make it due soon or overdue.',
    params: AccountPathParams,
    body: IssueBillRequest,
    responses: {
      201: { description: 'The bill', schema: Bill },
      400: { description: 'Invalid body', schema: UpstreamError },
      404: { description: 'ACCOUNT_NOT_FOUND', schema: UpstreamError },
      422: { description: 'NOT_BILLED (a prepaid account)', schema: UpstreamError },
    },
  },
]
