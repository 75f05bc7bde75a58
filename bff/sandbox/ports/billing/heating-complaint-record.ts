import { heatingCompensationFen } from '@gh/shared'
import { DAY_MS, dayOf, dayStartMs, isoDate } from '../meters/days'
import {
  FIX_WITHIN_DAYS,
  HEATING_PRICE_FEN_PER_M2,
  compensationPercent,
  heatingSeason,
} from './tariffs'

const HOUR_MS = 3_600_000

/** A booked measurement visit: a day and one of its windows. */
export interface VisitSlot {
  readonly slotId: string
  readonly startMs: number
  readonly endMs: number
}

/** A 室温不达标 complaint as billing keeps it; everything after the report follows the clock. */
export interface ComplaintRecord {
  readonly complaintId: string
  readonly accountNo: string
  readonly seasonYear: number
  readonly reportedAtMs: number
  readonly reportedTenths: number
  readonly photoRef: string | null
  readonly visit: VisitSlot
}

export interface Compensation {
  readonly fromDay: number
  readonly toDay: number
  readonly days: number
  readonly percent: number
  readonly amountFen: number
}

export interface ComplaintState {
  readonly status: 'scheduled' | 'up_to_standard' | 'fixing' | 'resolved'
  readonly measuredAtMs: number
  /** The sandbox's technician finds what the resident reported, so demos steer the outcome. */
  readonly measuredTenths: number
  readonly percent: number
  /** Re-measured at the standard; null when the season ended first. */
  readonly fixedAtMs: number | null
  readonly compensation: Compensation | null
}

const windows = [
  { code: 'am', from: 9, to: 12 },
  { code: 'pm', from: 14, to: 17 },
  { code: 'ev', from: 18, to: 20 },
] as const

/** Slots open for booking at least this long before they start. */
const BOOKING_LEAD_MS = 2 * HOUR_MS
const SLOT_DAYS = 3

function slotOf(day: number, window: (typeof windows)[number]): VisitSlot {
  const start = dayStartMs(day)
  return {
    slotId: `${isoDate(day).replace(/-/g, '')}-${window.code}`,
    startMs: start + window.from * HOUR_MS,
    endMs: start + window.to * HOUR_MS,
  }
}

/** Visits bookable at `nowMs` within the season of `seasonYear`, soonest first. */
export function openSlots(nowMs: number, seasonYear: number): VisitSlot[] {
  const season = heatingSeason(seasonYear)
  const today = dayOf(nowMs)
  const slots: VisitSlot[] = []
  for (let day = today; day <= today + SLOT_DAYS; day++) {
    if (day < season.startDay || day > season.endDay) continue
    for (const window of windows) {
      const slot = slotOf(day, window)
      if (slot.startMs >= nowMs + BOOKING_LEAD_MS) slots.push(slot)
    }
  }
  return slots
}

/** Where the complaint stands at `nowMs`, with the compensation once it is settled. */
export function complaintState(
  record: ComplaintRecord,
  areaDm2: number,
  nowMs: number,
): ComplaintState {
  const season = heatingSeason(record.seasonYear)
  // The technician reads the thermometer an hour into the visit's window.
  const measuredAtMs = record.visit.startMs + HOUR_MS
  const measuredTenths = record.reportedTenths
  const percent = compensationPercent(measuredTenths)
  const base = { measuredAtMs, measuredTenths, percent, fixedAtMs: null, compensation: null }
  if (nowMs < measuredAtMs) return { ...base, status: 'scheduled' }
  if (percent === 0) return { ...base, status: 'up_to_standard' }
  const fixAtMs = measuredAtMs + FIX_WITHIN_DAYS * DAY_MS
  const seasonOverMs = dayStartMs(season.endDay + 1)
  const fixedAtMs = fixAtMs < seasonOverMs ? fixAtMs : null
  if (nowMs < Math.min(fixAtMs, seasonOverMs)) return { ...base, status: 'fixing' }
  const fromDay = dayOf(record.reportedAtMs)
  const toDay = fixedAtMs === null ? season.endDay : dayOf(fixedAtMs) - 1
  const days = toDay - fromDay + 1
  const amountFen = heatingCompensationFen(areaDm2, HEATING_PRICE_FEN_PER_M2, {
    days,
    seasonDays: season.days,
    percent,
  })
  return {
    ...base,
    status: 'resolved',
    fixedAtMs,
    compensation: { fromDay, toDay, days, percent, amountFen },
  }
}
