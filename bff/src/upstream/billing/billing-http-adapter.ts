import {
  AccountSummary,
  Bill,
  BillList,
  Posting,
  PostingsOfDay,
  RefundPosting as RefundPostingRecord,
  Tariff,
} from '../../../contracts/billing'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type {
  BillingBill,
  BillingCharge,
  BillingReads,
  BillingSummary,
  BillingTariff,
  LedgerPayment,
  LedgerPort,
  LedgerRefund,
  PaymentPosting,
  RefundPosting,
} from './billing-port'

const isNotFound = (err: unknown) =>
  err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404

/**
 * The billing system (营收) over bff/contracts/billing.ts. Postings carry our order id as the
 * Idempotency-Key, so a retry after a timeout answers the original posting.
 */
export class BillingHttpAdapter implements BillingReads, LedgerPort {
  constructor(private readonly client: UpstreamClient) {}

  async summary(accountNo: string): Promise<BillingSummary | null> {
    try {
      const summary = await this.client.call({
        operation: 'getAccountSummary',
        method: 'GET',
        path: `/billing/v1/accounts/${encodeURIComponent(accountNo)}/summary`,
        response: AccountSummary,
      })
      return summaryOf(summary)
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async bills(accountNo: string): Promise<BillingBill[] | null> {
    try {
      const list = await this.client.call({
        operation: 'listBills',
        method: 'GET',
        path: `/billing/v1/accounts/${encodeURIComponent(accountNo)}/bills`,
        response: BillList,
      })
      return list.bills.map(billOf)
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async bill(accountNo: string, billId: string): Promise<BillingBill | null> {
    try {
      const path =
        `/billing/v1/accounts/${encodeURIComponent(accountNo)}` +
        `/bills/${encodeURIComponent(billId)}`
      return billOf(
        await this.client.call({ operation: 'getBill', method: 'GET', path, response: Bill }),
      )
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async tariff(areaCode: string): Promise<BillingTariff | null> {
    try {
      const tariff = await this.client.call({
        operation: 'getTariff',
        method: 'GET',
        path: `/billing/v1/tariffs/${encodeURIComponent(areaCode)}`,
        response: Tariff,
      })
      return {
        gas: {
          name: tariff.gas.name,
          tiers: tariff.gas.tiers.map((t) => ({
            upToM3: t.upToM3,
            priceFenPerM3: t.priceFenPerM3,
          })),
        },
        topUp: { ...tariff.topUp },
      }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async postPayment(posting: PaymentPosting): Promise<void> {
    await this.client.call({
      operation: 'postPayment',
      method: 'POST',
      path: '/billing/v1/payments',
      body: posting,
      idempotencyKey: posting.paymentId,
      response: Posting,
    })
  }

  /** Resolves without posting when billing holds no payment with that id (nothing to take back). */
  async postRefund(refund: RefundPosting): Promise<void> {
    try {
      await this.client.call({
        operation: 'postRefund',
        method: 'POST',
        path: '/billing/v1/refund-postings',
        body: refund,
        idempotencyKey: refund.refundId,
        response: RefundPostingRecord,
      })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }

  /** The payment posted under `paymentId` on a business day, if any. */
  async findPosting(date: string, paymentId: string): Promise<LedgerPayment | null> {
    const day = await this.postingsOfDay(date)
    return day.payments.find((p) => p.paymentId === paymentId) ?? null
  }

  /** Billing's postings of one business day; a plain GET, so the upstream client retries it. */
  async postingsOfDay(
    day: string,
  ): Promise<{ payments: LedgerPayment[]; refunds: LedgerRefund[] }> {
    const answer = await this.client.call({
      operation: 'listPostings',
      method: 'GET',
      path: '/billing/v1/postings',
      query: { date: day },
      response: PostingsOfDay,
    })
    return {
      payments: answer.postings.map((p) => ({
        paymentId: p.paymentId,
        accountNo: p.accountNo,
        amountFen: p.amountFen,
        channel: p.channel,
      })),
      refunds: answer.refunds.map((r) => ({ paymentId: r.paymentId, amountFen: r.amountFen })),
    }
  }
}

function summaryOf(s: AccountSummary): BillingSummary {
  return {
    status: s.status,
    asOf: s.asOf,
    balanceFen: s.balanceFen,
    amountDueFen: s.amountDueFen,
    arrearsFen: s.arrearsFen,
    lateFeeFen: s.lateFeeFen,
    unpaidBillCount: s.unpaidBillCount,
    overdueBillCount: s.overdueBillCount,
    heating: s.heating && {
      areaDm2: s.heating.areaDm2,
      priceFenPerM2: s.heating.priceFenPerM2,
      season: { startsOn: s.heating.season.startsOn, endsOn: s.heating.season.endsOn },
      supply: s.heating.supply,
      seasonFeeFen: s.heating.seasonFeeFen,
      metering: s.heating.metering && {
        basicPercent: s.heating.metering.basicPercent,
        priceFenPerGj: s.heating.metering.priceFenPerGj,
        readAt: s.heating.metering.readAt,
        seasonHeatMj: s.heating.metering.seasonHeatMj,
        months: s.heating.metering.months.map((m) => ({ ...m })),
      },
    },
  }
}

function chargeOf(line: Bill['lines'][number]): BillingCharge {
  switch (line.type) {
    case 'gas_tier': {
      const { type, tier, volumeDm3, unitPriceFen, amountFen, explanation } = line
      return { type, tier, volumeDm3, unitPriceFen, amountFen, explanation }
    }
    case 'heating':
    case 'heating_basic': {
      const { type, areaDm2, priceFenPerM2, days, seasonDays, percent, amountFen, explanation } =
        line
      return { type, areaDm2, priceFenPerM2, days, seasonDays, percent, amountFen, explanation }
    }
    case 'late_fee': {
      const { type, overdueFen, fromDate, days, dailyRateBp, amountFen, explanation } = line
      return { type, overdueFen, fromDate, days, dailyRateBp, amountFen, explanation }
    }
    case 'heating_compensation':
      return { ...line }
    case 'heating_metered': {
      const { type, heatMj, priceFenPerGj, amountFen, explanation } = line
      return { type, heatMj, priceFenPerGj, amountFen, explanation }
    }
  }
}

function billOf(bill: Bill): BillingBill {
  return {
    billId: bill.billId,
    accountNo: bill.accountNo,
    kind: bill.kind,
    period: { from: bill.period.from, to: bill.period.to },
    issuedAt: bill.issuedAt,
    dueAt: bill.dueAt,
    amountFen: bill.amountFen,
    lateFeeFen: bill.lateFeeFen,
    paidFen: bill.paidFen,
    outstandingFen: bill.outstandingFen,
    status: bill.status,
    overdue: bill.overdue,
    paidAt: bill.paidAt,
    meter: bill.meter && {
      readingFromDm3: bill.meter.readingFromDm3,
      readingToDm3: bill.meter.readingToDm3,
      volumeDm3: bill.meter.volumeDm3,
      yearToDateBeforeDm3: bill.meter.yearToDateBeforeDm3,
    },
    lines: bill.lines.map(chargeOf),
    summary: bill.summary,
  }
}
