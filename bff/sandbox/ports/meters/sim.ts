import { gasBill } from '@gh/shared'
import type { MeterBook } from './book'
import { dayOf, dayStartMs, ymdOf } from './days'
import { dailyUsageDm3 } from './usage'

/** A meter as it stands at some moment, replayed from the anchor. */
export interface MeterAt {
  readonly balanceFen: number
  /** Register at the start of the moment's day (meters upload once a day). */
  readonly registerDm3: number
  readonly dayStartMs: number
  readonly valveOpen: boolean
  /** Registers on the 1st of each month after the anchor, up to the moment. */
  readonly monthStarts: readonly { day: number; registerDm3: number }[]
}

// A clock moved decades ahead should not stall a request; ten years is plenty for any demo.
const MAX_DAYS = 3_660

/**
 * Replays a meter day by day from the anchor: deposits (confirmed credits, written cards) raise
 * the balance when they arrive; each day the valve is open the household uses that day's gas,
 * priced at the tier the year-to-date volume has reached. A prepaid meter closes its valve once
 * the balance is used up; the last day may overdraw a little (透支), as real meters allow.
 */
export function simulate(book: MeterBook, atMs: number): MeterAt {
  const prepaid = book.type !== 'mechanical'
  const endDay = Math.min(dayOf(atMs), book.anchorDay + MAX_DAYS)
  let balance = book.balanceAtAnchorFen
  let register = book.registerAtAnchorDm3
  let ytd = book.ytdAtAnchorDm3
  let year = ymdOf(book.anchorDay).year
  let next = 0
  const monthStarts: { day: number; registerDm3: number }[] = []
  const deposit = (beforeMs: number, inclusive: boolean): void => {
    for (;;) {
      const d = book.deposits[next]
      if (!d || d.atMs > beforeMs || (!inclusive && d.atMs === beforeMs)) return
      balance += d.amountFen
      next++
    }
  }

  for (let day = book.anchorDay; day < endDay; day++) {
    deposit(dayStartMs(day + 1), false)
    const today = ymdOf(day)
    if (today.year !== year) {
      year = today.year
      ytd = 0
    }
    if (!book.suspended && (!prepaid || balance > 0)) {
      const use = dailyUsageDm3(book.profile, day)
      if (prepaid) balance -= gasBill(book.tariff.gas, ytd, use).totalFen
      register += use
      ytd += use
    }
    if (ymdOf(day + 1).date === 1) monthStarts.push({ day: day + 1, registerDm3: register })
  }
  deposit(atMs, true)
  return {
    balanceFen: balance,
    registerDm3: register,
    dayStartMs: dayStartMs(Math.max(endDay, book.anchorDay)),
    valveOpen: !book.suspended && (!prepaid || balance > 0),
    monthStarts,
  }
}
