import { heatingStopQuote } from '@gh/shared'
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
import type { BillingBook } from './book'
import {
  HEATING_PRICE_FEN_PER_M2,
  STOPPED_FEE_PERCENT,
  heatingSeason,
  heatingStopWindow,
} from './tariffs'

type Refusal = NonNullable<HeatingStops['refusal']>

const refusalMessages: Record<Refusal, [number, string]> = {
  HEATING_STOP_WINDOW_CLOSED: [422, '不在停暖申请期内（每年9月1日至10月31日）'],
  ACCOUNT_IN_ARREARS: [422, '该户有欠费，请先缴清再申请停暖'],
  ACCOUNT_SUSPENDED: [422, '该户已停用'],
  HEATING_STOP_EXISTS: [409, '本采暖季已申请停暖'],
}

function refused(refusal: Refusal): SandboxError {
  const [status, message] = refusalMessages[refusal]
  return new SandboxError(status, refusal, message)
}

interface Stored {
  readonly fingerprint: string
  readonly record: HeatingStopApplication
}

/**
 * 停暖 applications. An application marks its season stopped in the account's book, which
 * charges (or re-charges) the season's bill at the 基本热费 share; withdrawing it undoes that.
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
    const refusal = this.refusal(account, book, window.year)
    return {
      accountNo,
      window: {
        season: seasonRef(window.year),
        opensAt: toShanghaiIso(dayStartMs(window.opensDay)),
        closesAt: toShanghaiIso(dayStartMs(window.closesDay + 1) - 1000),
        open: window.open,
      },
      canApply: refusal === null,
      refusal,
      applications: [...this.applicationsOf(accountNo)].reverse().map((a) => ({ ...a })),
    }
  }

  apply(accountNo: string, request: HeatingStopRequest) {
    const { account, book, heating } = this.open(accountNo)
    const key = JSON.stringify([request.applicationId, accountNo, request.seasonYear])
    const existing = this.byId.get(request.applicationId)
    if (existing) {
      if (existing.fingerprint !== key) throw idempotencyMismatch()
      return { application: { ...existing.record }, created: false }
    }
    const now = this.billing.clock.nowMs()
    const window = heatingStopWindow(dayOf(now))
    const refusal =
      window.open && window.year === request.seasonYear
        ? this.refusal(account, book, request.seasonYear)
        : 'HEATING_STOP_WINDOW_CLOSED'
    if (refusal !== null) throw refused(refusal)
    const application = this.record(book, request.applicationId, request.seasonYear, now)
    this.byId.set(application.applicationId, { fingerprint: key, record: application })
    heating.stoppedSeasons.add(request.seasonYear)
    this.billing.rerate(book, request.seasonYear)
    return { application: { ...application }, created: true }
  }

  cancel(accountNo: string, applicationId: string): HeatingStopApplication {
    const { book, heating } = this.open(accountNo)
    const application = this.applicationsOf(accountNo).find(
      (a) => a.applicationId === applicationId,
    )
    if (!application) throw new SandboxError(404, 'HEATING_STOP_NOT_FOUND', '停暖申请不存在')
    if (application.status === 'cancelled') return { ...application }
    const now = this.billing.clock.nowMs()
    const window = heatingStopWindow(dayOf(now))
    if (!window.open || window.year !== application.season.year) {
      throw refused('HEATING_STOP_WINDOW_CLOSED')
    }
    application.status = 'cancelled'
    application.cancelledAt = toShanghaiIso(now)
    heating.stoppedSeasons.delete(application.season.year)
    this.billing.rerate(book, application.season.year)
    return { ...application }
  }

  /** The account's heating book, with the applications seeded for it taken in once. */
  private open(accountNo: string) {
    const account = this.billing.account(accountNo)
    const book = this.billing.book(account)
    const heating = book?.heating
    if (!book || !heating) {
      throw new SandboxError(422, 'NOT_HEATING_ACCOUNT', '该户号没有集中供热')
    }
    if (!this.seededAccounts.has(accountNo)) {
      this.seededAccounts.add(accountNo)
      for (const stop of heating.seededStops) {
        const id = `HS${accountNo}${stop.year}`
        const record = this.record(book, id, stop.year, stop.appliedAtMs)
        this.byId.set(id, { fingerprint: JSON.stringify([id, accountNo, stop.year]), record })
      }
    }
    return { account, book, heating }
  }

  private record(
    book: BillingBook,
    applicationId: string,
    year: number,
    atMs: number,
  ): HeatingStopApplication {
    const areaDm2 = book.heating?.areaDm2 ?? 0
    const quote = heatingStopQuote(areaDm2, HEATING_PRICE_FEN_PER_M2, {
      seasonDays: heatingSeason(year).days,
      stoppedFeePercent: STOPPED_FEE_PERCENT,
    })
    const application: HeatingStopApplication = {
      applicationId,
      accountNo: book.account.accountNo,
      season: seasonRef(year),
      status: 'active',
      appliedAt: toShanghaiIso(atMs),
      cancelledAt: null,
      areaDm2,
      fullFeeFen: quote.fullFen,
      stoppedFeeFen: quote.stoppedFen,
      stoppedFeePercent: STOPPED_FEE_PERCENT,
    }
    const list = this.byAccount.get(book.account.accountNo)
    if (list) list.push(application)
    else this.byAccount.set(book.account.accountNo, [application])
    return application
  }

  private applicationsOf(accountNo: string): HeatingStopApplication[] {
    return this.byAccount.get(accountNo) ?? []
  }

  /** Why an application for the season would be refused now, window aside; null: it would not. */
  private refusal(account: CustomerAccount, book: BillingBook, year: number): Refusal | null {
    if (account.status === 'suspended') return 'ACCOUNT_SUSPENDED'
    if (!heatingStopWindow(dayOf(this.billing.clock.nowMs())).open) {
      return 'HEATING_STOP_WINDOW_CLOSED'
    }
    const active = this.applicationsOf(account.accountNo).some(
      (a) => a.status === 'active' && a.season.year === year,
    )
    if (active || book.heating?.stoppedSeasons.has(year)) return 'HEATING_STOP_EXISTS'
    if (this.billing.summary(account).arrearsFen > 0) return 'ACCOUNT_IN_ARREARS'
    return null
  }
}

function seasonRef(year: number): HeatingStopApplication['season'] {
  const season = heatingSeason(year)
  return { year, startsOn: isoDate(season.startDay), endsOn: isoDate(season.endDay) }
}
