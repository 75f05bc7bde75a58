import type { PreferredSlot } from '../../../contracts/workorders'
import { shanghaiMs, toShanghaiIso } from '../../clock'
import { hashString } from '../../random'

/** Half-day windows, Shanghai wall-clock hours. */
const WINDOWS = { am: { from: 9, to: 12 }, pm: { from: 14, to: 18 } } as const

/** Visits one district's crews take per window. */
const CAPACITY = 5
/** Slots are offered from tomorrow for this many days. */
const DAYS_AHEAD = 3

export interface SlotOffer extends PreferredSlot {
  fromMs: number
  toMs: number
  available: boolean
}

/**
 * The visit calendar of each district: other channels (the hotline, the counter) have booked
 * part of every window already, seeded per district and window; the sandbox's own orders add to
 * it. A window is full when its district's crews have no visit left in it.
 */
export class SlotBook {
  private readonly booked = new Map<string, number>()

  constructor(private readonly seed: number) {}

  offers(district: string, nowMs: number): SlotOffer[] {
    const [y, m, d] = toShanghaiIso(nowMs).slice(0, 10).split('-').map(Number) as [
      number,
      number,
      number,
    ]
    const out: SlotOffer[] = []
    for (let ahead = 1; ahead <= DAYS_AHEAD; ahead++) {
      for (const window of ['am', 'pm'] as const) {
        const fromMs = shanghaiMs(y, m, d + ahead, WINDOWS[window].from)
        const date = toShanghaiIso(fromMs).slice(0, 10)
        out.push({
          date,
          window,
          fromMs,
          toMs: shanghaiMs(y, m, d + ahead, WINDOWS[window].to),
          available: this.taken(district, date, window) < CAPACITY,
        })
      }
    }
    return out
  }

  /** The offer matching the slot, if it is offered now and has room. */
  find(district: string, nowMs: number, slot: PreferredSlot): SlotOffer | undefined {
    return this.offers(district, nowMs).find(
      (o) => o.date === slot.date && o.window === slot.window && o.available,
    )
  }

  book(district: string, slot: PreferredSlot): void {
    const key = this.key(district, slot.date, slot.window)
    this.booked.set(key, (this.booked.get(key) ?? 0) + 1)
  }

  /** A booked visit moved or cancelled gives its place back. */
  release(district: string, slot: PreferredSlot): void {
    const key = this.key(district, slot.date, slot.window)
    const booked = this.booked.get(key) ?? 0
    if (booked > 0) this.booked.set(key, booked - 1)
  }

  private taken(district: string, date: string, window: string): number {
    const key = this.key(district, date, window)
    // About one window in four is already full from other channels.
    const elsewhere = hashString(`${this.seed}|${key}`) % (CAPACITY + 2)
    return elsewhere + (this.booked.get(key) ?? 0)
  }

  private key(district: string, date: string, window: string): string {
    return `${district}|${date}|${window}`
  }
}
