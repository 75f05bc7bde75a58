import { heatingSeasonFeeFen, heatingStopQuote } from '@gh/shared'
import type {
  HeatingStopApplication,
  HeatingStopRequest,
  HeatingStops,
} from '../../../contracts/billing-heating-stops'
import type { CustomerAccount } from '../../../contracts/customers'
import { toShanghaiIso } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { dayOf, dayStartMs, isoDate } from '../meters/days'
import { idempotencyMismatch } from '../meters/idempotency'
import type { Billing } from './billing'
import { heatedDaysOf, type BillingBook } from './book'
import { onSharedRiser } from './heating-rules'
import {
  HEATING_PRICE_FEN_PER_M2,
  RESUME_LEAD_DAYS,
  STOPPED_FEE_PERCENT,
  currentSeason,
  heatingSeason,
  heatingStopWindow,
} from './tariffs'

type StopRefusal = NonNullable<HeatingStops['refusal']>
type ResumeRefusal = NonNullable<HeatingStops['resume']['refusal']>
type Refusal = StopRefusal | ResumeRefusal | 'HEATING_RESUME_STARTED'

const refusalMessages: Record<Refusal, [number, string]> = {
  HEATING_STOP_WINDOW_CLOSED: [422, '不在停暖申请期内（每年9月1日至10月31日）'],
  ACCOUNT_IN_ARREARS: [422, '该户有欠费，请先缴清再申请'],
  ACCOUNT_SUSPENDED: [422, '该户已停用'],
  HEATING_STOP_EXISTS: [409, '本采暖季已申请停暖'],
  HEATING_STOP_SHARED_RISER: [422, '该楼为单管串联供暖，不能单户停暖'],
  HEATING_RESUME_WINDOW_CLOSED: [422, '恢复供暖在每年11月1日至12月31日受理'],
  HEATING_NOT_STOPPED: [422, '本采暖季未办理停暖'],
  HEATING_RESUME_EXISTS: [409, '本采暖季已申请恢复供暖'],
  HEATING_RESUME_STARTED: [422, '已开栓恢复供暖，不能撤回'],
}

function refused(refusal: Refusal): SandboxError {
  const [status, message] = refusalMessages[refusal]
  return new SandboxError(status, refusal, message)
}

interface Stored {
  readonly fingerprint: string
  readonly record: HeatingStopApplication
}

/** The last second of a day, as the contract's closing times are written. */
const endOfDayMs = (day: number): number => dayStartMs(day + 1) - 1000

/**
 * 停暖 and 恢复供暖 applications. A stop marks its season stopped in the account's book, which
 * charges (or re-charges) the season's bill at the 基本热费 share; a resume marks the day heat
 * returns, so the days from then on are charged in full. Withdrawing either undoes it.
 */
export class HeatingStopDesk {
  private readonly byId = new Map<string, Stored>()
  private readonly byAccount = new Map<string, HeatingStopApplication[]>()
  private readonly seededAccounts = new Set<string>()

  constructor(private readonly billing: Billing) {}

  view(accountNo: string): HeatingStops {
    const { account, book } = this.open(accountNo)
    const now = this.billing.clock.nowMs()
    const window = heatingStopWindow(dayOf(now))
    const refusal = this.stopRefusal(account, book, window.year)
    const quote = heatingStopQuote(book.heating.areaDm2, HEATING_PRICE_FEN_PER_M2, {
      seasonDays: heatingSeason(window.year).days,
      stoppedFeePercent: STOPPED_FEE_PERCENT,
    })
    return {
      accountNo,
      asOf: toShanghaiIso(now),
      window: {
        season: seasonRef(window.year),
        opensAt: toShanghaiIso(dayStartMs(window.opensDay)),
        closesAt: toShanghaiIso(endOfDayMs(window.closesDay)),
        open: window.open,
      },
      canApply: refusal === null,
      refusal,
      quote: {
        areaDm2: book.heating.areaDm2,
        priceFenPerM2: HEATING_PRICE_FEN_PER_M2,
        fullFeeFen: quote.fullFen,
        stoppedFeeFen: quote.stoppedFen,
        stoppedFeePercent: STOPPED_FEE_PERCENT,
      },
      resume: this.resumeOffer(account, book, now),
      applications: [...this.applicationsOf(accountNo)].reverse().map((a) => ({ ...a })),
    }
  }

  apply(accountNo: string, request: HeatingStopRequest) {
    const { account, book } = this.open(accountNo)
    const { applicationId, kind, seasonYear } = request
    const key = JSON.stringify([applicationId, accountNo, seasonYear, kind])
    const existing = this.byId.get(applicationId)
    if (existing) {
      if (existing.fingerprint !== key) throw idempotencyMismatch()
      return { application: { ...existing.record }, created: false }
    }
    const now = this.billing.clock.nowMs()
    const application =
      kind === 'stop'
        ? this.applyStop(account, book, applicationId, seasonYear, now)
        : this.applyResume(account, book, applicationId, seasonYear, now)
    this.byId.set(applicationId, { fingerprint: key, record: application })
    this.billing.rerate(book, seasonYear)
    return { application: { ...application }, created: true }
  }

  cancel(accountNo: string, applicationId: string): HeatingStopApplication {
    const { book } = this.open(accountNo)
    const application = this.applicationsOf(accountNo).find(
      (a) => a.applicationId === applicationId,
    )
    if (!application) throw new SandboxError(404, 'HEATING_STOP_NOT_FOUND', '停暖申请不存在')
    if (application.status === 'cancelled') return { ...application }
    const now = this.billing.clock.nowMs()
    if (now > Date.parse(application.cancelUntil)) {
      throw refused(
        application.kind === 'stop' ? 'HEATING_STOP_WINDOW_CLOSED' : 'HEATING_RESUME_STARTED',
      )
    }
    application.status = 'cancelled'
    application.cancelledAt = toShanghaiIso(now)
    const year = application.season.year
    if (application.kind === 'stop') book.heating.stoppedSeasons.delete(year)
    else book.heating.resumedFrom.delete(year)
    this.billing.rerate(book, year)
    return { ...application }
  }

  private applyStop(
    account: CustomerAccount,
    book: HeatingBook,
    applicationId: string,
    year: number,
    now: number,
  ): HeatingStopApplication {
    const window = heatingStopWindow(dayOf(now))
    const refusal =
      window.open && window.year === year
        ? this.stopRefusal(account, book, year)
        : onSharedRiser(account)
          ? 'HEATING_STOP_SHARED_RISER'
          : 'HEATING_STOP_WINDOW_CLOSED'
    if (refusal !== null) throw refused(refusal)
    book.heating.stoppedSeasons.add(year)
    return this.record(book, { applicationId, kind: 'stop', year, atMs: now })
  }

  private applyResume(
    account: CustomerAccount,
    book: HeatingBook,
    applicationId: string,
    year: number,
    now: number,
  ): HeatingStopApplication {
    const offer = this.resumeOffer(account, book, now)
    const refusal =
      offer.season.year === year ? offer.refusal : ('HEATING_RESUME_WINDOW_CLOSED' as const)
    if (refusal !== null || offer.heatedFrom === null) {
      throw refused(refusal ?? 'HEATING_RESUME_WINDOW_CLOSED')
    }
    const heatedFrom = resumeDay(year, dayOf(now))
    book.heating.resumedFrom.set(year, heatedFrom)
    return this.record(book, { applicationId, kind: 'resume', year, atMs: now, heatedFrom })
  }

  /** 恢复供暖 for the season billed now: whether it is taken, from when, and what it costs. */
  private resumeOffer(
    account: CustomerAccount,
    book: HeatingBook,
    now: number,
  ): HeatingStops['resume'] {
    const today = dayOf(now)
    const season = currentSeason(today)
    const { heating } = book
    const feeFor = (heatedDays: number) =>
      heatingSeasonFeeFen(heating.areaDm2, HEATING_PRICE_FEN_PER_M2, {
        seasonDays: season.days,
        heatedDays,
        stoppedFeePercent: STOPPED_FEE_PERCENT,
      })
    const stopped = heating.stoppedSeasons.has(season.year)
    const from = resumeDay(season.year, today)
    const possible = stopped && from <= season.endDay
    const refusal = this.resumeRefusal(account, book, season.year, today)
    return {
      season: seasonRef(season.year),
      opensAt: toShanghaiIso(dayStartMs(resumeOpensDay(season.year))),
      closesAt: toShanghaiIso(endOfDayMs(season.dueDay)),
      leadDays: RESUME_LEAD_DAYS,
      canApply: refusal === null,
      refusal,
      heatedFrom: possible ? isoDate(from) : null,
      currentFeeFen: feeFor(heatedDaysOf(heating, season)),
      resumedFeeFen: possible ? feeFor(season.endDay - from + 1) : null,
    }
  }

  /** The account's heating book, with the applications seeded for it taken in once. */
  private open(accountNo: string): { account: CustomerAccount; book: HeatingBook } {
    const account = this.billing.account(accountNo)
    const book = this.billing.book(account)
    if (!book || !hasHeating(book)) {
      throw new SandboxError(422, 'NOT_HEATING_ACCOUNT', '该户号没有集中供热')
    }
    if (!this.seededAccounts.has(accountNo)) {
      this.seededAccounts.add(accountNo)
      for (const stop of book.heating.seededStops) {
        const id = `HS${accountNo}${stop.year}`
        const record = this.record(book, {
          applicationId: id,
          kind: 'stop',
          year: stop.year,
          atMs: stop.appliedAtMs,
        })
        this.byId.set(id, {
          fingerprint: JSON.stringify([id, accountNo, stop.year, 'stop']),
          record,
        })
      }
    }
    return { account, book }
  }

  private record(
    book: HeatingBook,
    input: {
      applicationId: string
      kind: HeatingStopApplication['kind']
      year: number
      atMs: number
      heatedFrom?: number
    },
  ): HeatingStopApplication {
    const { areaDm2 } = book.heating
    const season = heatingSeason(input.year)
    const quote = heatingStopQuote(areaDm2, HEATING_PRICE_FEN_PER_M2, {
      seasonDays: season.days,
      stoppedFeePercent: STOPPED_FEE_PERCENT,
    })
    const heatedFrom = input.heatedFrom ?? null
    const seasonFeeFen =
      heatedFrom === null
        ? quote.stoppedFen
        : heatingSeasonFeeFen(areaDm2, HEATING_PRICE_FEN_PER_M2, {
            seasonDays: season.days,
            heatedDays: season.endDay - heatedFrom + 1,
            stoppedFeePercent: STOPPED_FEE_PERCENT,
          })
    // A stop is withdrawn while its window is open; a resume until the day before the valve is
    // opened, and never past the fee's due date, after which re-charging could move late fees.
    const cancelUntilMs =
      heatedFrom === null
        ? endOfDayMs(heatingStopWindow(season.issueDay).closesDay)
        : Math.min(endOfDayMs(heatedFrom - 1), endOfDayMs(season.dueDay))
    const application: HeatingStopApplication = {
      applicationId: input.applicationId,
      accountNo: book.account.accountNo,
      kind: input.kind,
      season: seasonRef(input.year),
      status: 'active',
      appliedAt: toShanghaiIso(input.atMs),
      cancelledAt: null,
      cancelUntil: toShanghaiIso(cancelUntilMs),
      heatedFrom: heatedFrom === null ? null : isoDate(heatedFrom),
      areaDm2,
      fullFeeFen: quote.fullFen,
      stoppedFeeFen: quote.stoppedFen,
      stoppedFeePercent: STOPPED_FEE_PERCENT,
      seasonFeeFen,
    }
    const list = this.byAccount.get(book.account.accountNo)
    if (list) list.push(application)
    else this.byAccount.set(book.account.accountNo, [application])
    return application
  }

  private applicationsOf(accountNo: string): HeatingStopApplication[] {
    return this.byAccount.get(accountNo) ?? []
  }

  private active(accountNo: string, kind: HeatingStopApplication['kind'], year: number): boolean {
    return this.applicationsOf(accountNo).some(
      (a) => a.status === 'active' && a.kind === kind && a.season.year === year,
    )
  }

  /**
   * Why a stop for the season would be refused now; null: it would not. The building's rule
   * comes first: no window or payment changes it.
   */
  private stopRefusal(
    account: CustomerAccount,
    book: HeatingBook,
    year: number,
  ): StopRefusal | null {
    if (account.status === 'suspended') return 'ACCOUNT_SUSPENDED'
    if (onSharedRiser(account)) return 'HEATING_STOP_SHARED_RISER'
    if (!heatingStopWindow(dayOf(this.billing.clock.nowMs())).open) {
      return 'HEATING_STOP_WINDOW_CLOSED'
    }
    if (this.active(account.accountNo, 'stop', year) || book.heating.stoppedSeasons.has(year)) {
      return 'HEATING_STOP_EXISTS'
    }
    if (this.billing.summary(account).arrearsFen > 0) return 'ACCOUNT_IN_ARREARS'
    return null
  }

  private resumeRefusal(
    account: CustomerAccount,
    book: HeatingBook,
    year: number,
    today: number,
  ): ResumeRefusal | null {
    if (account.status === 'suspended') return 'ACCOUNT_SUSPENDED'
    if (!book.heating.stoppedSeasons.has(year)) return 'HEATING_NOT_STOPPED'
    if (this.active(account.accountNo, 'resume', year) || book.heating.resumedFrom.has(year)) {
      return 'HEATING_RESUME_EXISTS'
    }
    const season = heatingSeason(year)
    const late = today > season.dueDay || resumeDay(year, today) > season.endDay
    if (today < resumeOpensDay(year) || late) {
      return 'HEATING_RESUME_WINDOW_CLOSED'
    }
    if (this.billing.summary(account).arrearsFen > 0) return 'ACCOUNT_IN_ARREARS'
    return null
  }
}

type HeatingBook = BillingBook & { heating: NonNullable<BillingBook['heating']> }

function hasHeating(book: BillingBook): book is HeatingBook {
  return book.heating !== null
}

/** 恢复供暖 is taken from the day after the season's 停暖 window closes. */
function resumeOpensDay(year: number): number {
  return heatingStopWindow(heatingSeason(year).issueDay).closesDay + 1
}

/** Heat returns `RESUME_LEAD_DAYS` after applying, never before the season starts. */
function resumeDay(year: number, today: number): number {
  return Math.max(heatingSeason(year).startDay, today + RESUME_LEAD_DAYS)
}

function seasonRef(year: number): HeatingStopApplication['season'] {
  const season = heatingSeason(year)
  return { year, startsOn: isoDate(season.startDay), endsOn: isoDate(season.endDay) }
}
