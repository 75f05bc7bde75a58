const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * The sandbox's notion of "now". Real time plus an offset, so tests and demos can jump to the
 * first morning of the heating season or past a bill's due date while time keeps flowing.
 */
export class SandboxClock {
  private offset = 0

  constructor(private readonly realNow: () => number = Date.now) {}

  nowMs(): number {
    return this.realNow() + this.offset
  }

  now(): Date {
    return new Date(this.nowMs())
  }

  get offsetMs(): number {
    return this.offset
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward')
    this.offset += ms
  }

  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new RangeError('invalid date')
    this.offset = at.getTime() - this.realNow()
  }

  reset(): void {
    this.offset = 0
  }
}

/** ISO-8601 in Asia/Shanghai (+08:00), e.g. `2026-11-15T08:00:00+08:00`. */
export function toShanghaiIso(at: Date | number, withMillis = false): string {
  const ms = typeof at === 'number' ? at : at.getTime()
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS).toISOString()
  const local = withMillis ? shifted.slice(0, 23) : shifted.slice(0, 19)
  return `${local}+08:00`
}

/** Epoch ms of a Shanghai wall-clock date and time. */
export function shanghaiMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS
}
