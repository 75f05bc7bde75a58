import type { SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { topUpLimits } from '../billing/tariffs'
import type { AccountDirectory } from '../customers/directory'
import { addDeposit, createMeterBook, type MeterBook } from './book'
import { dayOf } from './days'

export interface CreditRecord {
  readonly creditId: string
  readonly meterNo: string
  readonly accountNo: string
  readonly amountFen: number
  readonly acceptedAtMs: number
  /** When the meter will confirm; null while it is offline (the credit is queued). */
  dueAtMs: number | null
  appliedAtMs: number | null
}

export interface PurchaseRecord {
  readonly purchaseId: string
  readonly meterNo: string
  readonly accountNo: string
  readonly amountFen: number
  readonly purchasedAtMs: number
  writtenAtMs: number | null
  write: { by: 'write_point' | 'agent'; writePointId: string | null; agentId: string | null } | null
}

export interface MeterSettings {
  /** How long an online IoT meter takes to confirm a credit, in sandbox-clock time. */
  confirmDelayMs: number
}

export const DEFAULT_CONFIRM_DELAY_MS = 30_000

/**
 * The meter platform: meters built from the seed on first use, remote credits and IC-card
 * purchases. Time only moves through the sandbox clock, and every entry point first settles
 * what fell due (credits confirmed) so that moving the clock is all it takes to drive them.
 */
export class MeterPlatform {
  readonly anchorDay: number
  readonly settings: MeterSettings = { confirmDelayMs: DEFAULT_CONFIRM_DELAY_MS }
  private readonly books = new Map<string, MeterBook>()
  readonly credits = new Map<string, CreditRecord>()
  readonly purchases = new Map<string, PurchaseRecord>()
  private readonly pending = new Set<CreditRecord>()
  private readonly creditsByAccount = new Map<string, CreditRecord[]>()
  private readonly purchasesByAccount = new Map<string, PurchaseRecord[]>()
  private failures = { remaining: 0, status: 503 }

  constructor(
    private readonly seed: number,
    private readonly directory: AccountDirectory,
    readonly clock: SandboxClock,
  ) {
    this.anchorDay = dayOf(clock.nowMs())
  }

  /** The meter, or 404 METER_NOT_FOUND. */
  book(meterNo: string): MeterBook {
    let book = this.books.get(meterNo)
    if (!book) {
      book = createMeterBook(this.seed, this.directory, meterNo, this.anchorDay)
      if (!book) throw new SandboxError(404, 'METER_NOT_FOUND', '表号不存在')
      this.books.set(meterNo, book)
    }
    return book
  }

  /** Confirms every credit whose meter has answered by now, at the time it answered. */
  settle(): number {
    const now = this.clock.nowMs()
    const due = [...this.pending]
      .filter((c) => c.dueAtMs !== null && c.dueAtMs <= now)
      .sort((a, b) => (a.dueAtMs ?? 0) - (b.dueAtMs ?? 0))
    for (const credit of due) {
      credit.appliedAtMs = credit.dueAtMs
      addDeposit(this.book(credit.meterNo), credit.dueAtMs ?? now, credit.amountFen)
      this.pending.delete(credit)
    }
    return now
  }

  setOnline(meterNo: string, online: boolean): MeterBook {
    const book = this.book(meterNo)
    if (book.type !== 'iot') {
      throw new SandboxError(422, 'METER_TYPE_MISMATCH', '只有物联网表有在线状态')
    }
    const now = this.settle()
    if (online === book.online) return book
    book.online = online
    book.offlineSinceMs = online ? null : now
    for (const credit of this.pending) {
      if (credit.meterNo !== meterNo) continue
      // Coming back, the meter picks up what waited; going away, it confirms nothing more.
      credit.dueAtMs = online ? now + this.settings.confirmDelayMs : null
    }
    return book
  }

  /** Makes the next `count` credit or purchase calls fail as if the meter gateway were down. */
  failNext(count: number, status: number): void {
    this.failures = { remaining: count, status }
  }

  get failuresLeft(): number {
    return this.failures.remaining
  }

  /** Throws the injected gateway failure when one is armed. */
  gatewayCheck(): void {
    if (this.failures.remaining <= 0) return
    this.failures.remaining -= 1
    throw new SandboxError(this.failures.status, 'METER_GATEWAY_UNAVAILABLE', '表具网关暂不可用')
  }

  addPendingCredit(credit: CreditRecord): void {
    this.credits.set(credit.creditId, credit)
    this.pending.add(credit)
    push(this.creditsByAccount, credit.accountNo, credit)
  }

  addPurchase(purchase: PurchaseRecord): void {
    this.purchases.set(purchase.purchaseId, purchase)
    push(this.purchasesByAccount, purchase.accountNo, purchase)
  }

  /** Rules every top-up to a prepaid meter obeys, IoT or IC. */
  assertCanTopUp(book: MeterBook, amountFen: number): void {
    if (book.suspended) throw new SandboxError(422, 'ACCOUNT_SUSPENDED', '该户已停气，暂不能充值')
    if (amountFen < topUpLimits.minFenPerOrder || amountFen > topUpLimits.maxFenPerOrder) {
      throw new SandboxError(422, 'TOP_UP_AMOUNT_OUT_OF_RANGE', '充值金额超出单笔限额')
    }
    const today = dayOf(this.clock.nowMs())
    const { accountNo } = book.account
    let total = amountFen
    for (const c of this.creditsOf(accountNo)) {
      if (dayOf(c.acceptedAtMs) === today) total += c.amountFen
    }
    for (const p of this.purchasesOf(accountNo)) {
      if (dayOf(p.purchasedAtMs) === today) total += p.amountFen
    }
    if (total > topUpLimits.maxFenPerDay) {
      throw new SandboxError(422, 'TOP_UP_DAILY_LIMIT', '今日充值已达上限')
    }
  }

  creditsOf(accountNo: string): readonly CreditRecord[] {
    return this.creditsByAccount.get(accountNo) ?? []
  }

  purchasesOf(accountNo: string): readonly PurchaseRecord[] {
    return this.purchasesByAccount.get(accountNo) ?? []
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}
