import { heatingDailyFeeFen } from '@gh/shared'
import type {
  HeatingComplaint,
  HeatingComplaintRequest,
  HeatingComplaints,
} from '../../../contracts/billing-heating-complaints'
import type { CustomerAccount } from '../../../contracts/customers'
import { toShanghaiIso } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { dayOf, isoDate } from '../meters/days'
import { idempotencyMismatch } from '../meters/idempotency'
import type { Billing } from './billing'
import { heatedDaysOf, heatingBillId, heatingBillIssuedAtMs, type BillingBook } from './book'
import {
  complaintState,
  openSlots,
  type ComplaintRecord,
  type VisitSlot,
} from './heating-complaint-record'
import {
  COMPENSATION_BANDS,
  FIX_WITHIN_DAYS,
  HEATING_PRICE_FEN_PER_M2,
  MIN_INDOOR_TEMPERATURE_C,
  currentSeason,
  heatingSeason,
} from './tariffs'

type Refusal = NonNullable<HeatingComplaints['refusal']>

const refusalMessages: Record<Refusal, [number, string]> = {
  HEATING_OUT_OF_SEASON: [422, '不在采暖季内'],
  HEATING_NOT_SUPPLIED: [422, '本采暖季已办理停暖'],
  HEATING_COMPLAINT_OPEN: [409, '已有一件室温投诉正在处理'],
  ACCOUNT_SUSPENDED: [422, '该户已停用'],
}

type HeatingBook = BillingBook & { heating: NonNullable<BillingBook['heating']> }

/**
 * 室温不达标 complaints. They live in the account's book, because the compensation they earn is
 * credited on the next season's bill when that bill is issued; this desk takes the reports,
 * books the visits and answers where each complaint stands on the sandbox clock.
 */
export class HeatingComplaintDesk {
  private readonly fingerprints = new Map<string, string>()

  constructor(private readonly billing: Billing) {}

  view(accountNo: string): HeatingComplaints {
    const { account, book } = this.open(accountNo)
    const now = this.billing.clock.nowMs()
    const season = currentSeason(dayOf(now))
    const refusal = this.refusal(account, book, now)
    const { areaDm2 } = book.heating
    return {
      accountNo,
      asOf: toShanghaiIso(now),
      season: seasonRef(season.year),
      canReport: refusal === null,
      refusal,
      rule: {
        standardTenths: MIN_INDOOR_TEMPERATURE_C * 10,
        bands: COMPENSATION_BANDS.map((b) => ({ ...b })),
        fixWithinDays: FIX_WITHIN_DAYS,
        areaDm2,
        priceFenPerM2: HEATING_PRICE_FEN_PER_M2,
        seasonDays: season.days,
        dailyFeeFen: heatingDailyFeeFen(areaDm2, HEATING_PRICE_FEN_PER_M2, season.days),
      },
      slots: refusal === null ? openSlots(now, season.year).map(slotView) : [],
      complaints: [...book.heating.complaints].reverse().map((c) => complaintView(book, c, now)),
    }
  }

  report(accountNo: string, request: HeatingComplaintRequest) {
    const { account, book } = this.open(accountNo)
    const key = JSON.stringify([
      request.complaintId,
      accountNo,
      request.reportedTenths,
      request.slotId,
      request.photoRef,
    ])
    const seen = this.fingerprints.get(request.complaintId)
    const now = this.billing.clock.nowMs()
    if (seen !== undefined) {
      if (seen !== key) throw idempotencyMismatch()
      const record = book.heating.complaints.find((c) => c.complaintId === request.complaintId)
      if (!record) throw idempotencyMismatch()
      return { complaint: complaintView(book, record, now), created: false }
    }
    const refusal = this.refusal(account, book, now)
    if (refusal !== null) {
      const [status, message] = refusalMessages[refusal]
      throw new SandboxError(status, refusal, message)
    }
    const season = currentSeason(dayOf(now))
    const visit = openSlots(now, season.year).find((s) => s.slotId === request.slotId)
    if (!visit) throw new SandboxError(422, 'SLOT_UNAVAILABLE', '该时段已不可预约，请另选时段')
    const record: ComplaintRecord = {
      complaintId: request.complaintId,
      accountNo,
      seasonYear: season.year,
      reportedAtMs: now,
      reportedTenths: request.reportedTenths,
      photoRef: request.photoRef,
      visit,
    }
    book.heating.complaints.push(record)
    this.fingerprints.set(request.complaintId, key)
    return { complaint: complaintView(book, record, now), created: true }
  }

  get(accountNo: string, complaintId: string): HeatingComplaint {
    const { book } = this.open(accountNo)
    const record = book.heating.complaints.find((c) => c.complaintId === complaintId)
    if (!record) throw new SandboxError(404, 'HEATING_COMPLAINT_NOT_FOUND', '室温投诉不存在')
    return complaintView(book, record, this.billing.clock.nowMs())
  }

  private open(accountNo: string): { account: CustomerAccount; book: HeatingBook } {
    const account = this.billing.account(accountNo)
    const book = this.billing.book(account)
    if (!book || book.heating === null) {
      throw new SandboxError(422, 'NOT_HEATING_ACCOUNT', '该户号没有集中供热')
    }
    return { account, book: book as HeatingBook }
  }

  /** Why a report would be refused now; null: it would be taken. */
  private refusal(account: CustomerAccount, book: HeatingBook, now: number): Refusal | null {
    if (account.status === 'suspended') return 'ACCOUNT_SUSPENDED'
    const today = dayOf(now)
    const season = currentSeason(today)
    if (today < season.startDay || today > season.endDay) return 'HEATING_OUT_OF_SEASON'
    // Heated today: the season is not stopped, or heat has come back by today.
    const heatedDays = heatedDaysOf(book.heating, season)
    if (heatedDays < season.endDay - today + 1) return 'HEATING_NOT_SUPPLIED'
    const open = book.heating.complaints.some((c) => {
      const { status } = complaintState(c, book.heating.areaDm2, now)
      return status === 'scheduled' || status === 'fixing'
    })
    return open ? 'HEATING_COMPLAINT_OPEN' : null
  }
}

function slotView(slot: VisitSlot) {
  return {
    slotId: slot.slotId,
    startsAt: toShanghaiIso(slot.startMs),
    endsAt: toShanghaiIso(slot.endMs),
  }
}

function complaintView(book: HeatingBook, record: ComplaintRecord, now: number): HeatingComplaint {
  const state = complaintState(record, book.heating.areaDm2, now)
  const measured = state.status !== 'scheduled'
  const next = heatingSeason(record.seasonYear + 1)
  const compensation = state.compensation
  return {
    complaintId: record.complaintId,
    accountNo: record.accountNo,
    season: seasonRef(record.seasonYear),
    reportedAt: toShanghaiIso(record.reportedAtMs),
    reportedTenths: record.reportedTenths,
    photoRef: record.photoRef,
    visit: slotView(record.visit),
    status: state.status,
    measurement: measured
      ? {
          measuredAt: toShanghaiIso(state.measuredAtMs),
          measuredTenths: state.measuredTenths,
          belowStandard: state.percent > 0,
          dailyFeePercent: state.percent,
        }
      : null,
    fixedAt:
      state.status === 'resolved' && state.fixedAtMs !== null
        ? toShanghaiIso(state.fixedAtMs)
        : null,
    compensation: compensation && {
      fromDate: isoDate(compensation.fromDay),
      toDate: isoDate(compensation.toDay),
      days: compensation.days,
      dailyFeePercent: compensation.percent,
      amountFen: compensation.amountFen,
      billId: heatingBillId(record.accountNo, next.year),
      creditOn: isoDate(next.issueDay),
      credited: now >= heatingBillIssuedAtMs(next.year),
    },
  }
}

function seasonRef(year: number): HeatingComplaint['season'] {
  const season = heatingSeason(year)
  return { year, startsOn: isoDate(season.startDay), endsOn: isoDate(season.endDay) }
}
