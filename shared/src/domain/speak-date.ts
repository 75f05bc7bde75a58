import { DomainError } from './domain-error'
import { speakDigits, speakNumber } from './speech'

/**
 * Dates and times read aloud in the utility's zone, Asia/Shanghai (UTC+8 all year, no DST since
 * 1991), computed from the ISO text by integer arithmetic: the runtime's time zone and `Date`
 * parsing (which differs between mini-program engines) play no part.
 */

const SHANGHAI_OFFSET_MINUTES = 8 * 60
const MINUTES_PER_DAY = 24 * 60
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

function floorDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b
  return (a - r) / b
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = floorDiv(yy, 400)
  const yoe = yy - era * 400
  const doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = floorDiv(z, 146097)
  const doe = z - era * 146097
  const yoe = floorDiv(
    doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096),
    365,
  )
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100))
  const mp = floorDiv(5 * doy + 2, 153)
  const d = doy - floorDiv(153 * mp + 2, 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

function invalid(): DomainError {
  return new DomainError('INVALID_DATE', 'expected an ISO-8601 date, or date-time with offset')
}

function speakCalendarDate(y: number, m: number, d: number): string {
  return `${speakDigits(String(y))}年${speakNumber(m)}月${speakNumber(d)}日`
}

// 12-hour reading with the period of day a resident would say.
function speakClock(hour: number, minute: number): string {
  const period =
    hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour === 12 ? '中午' : hour < 18 ? '下午' : '晚上'
  const h = hour > 12 ? hour - 12 : hour
  const hourWords = h === 2 ? '两' : speakNumber(h)
  const minuteWords = minute === 0 ? '整' : `${minute < 10 ? '零' : ''}${speakNumber(minute)}分`
  return `${period}${hourWords}点${minuteWords}`
}

/**
 * '2026-11-26T09:30:00+08:00' → '二零二六年十一月二十六日 上午九点三十分' (any offset, converted
 * to Shanghai time; seconds are not read). A plain date '2026-11-26' is read as that calendar
 * date. Anything else throws `INVALID_DATE`.
 */
export function speakDate(iso: string): string {
  const m = ISO.exec(iso)
  if (m === null) throw invalid()
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalid()
  if (m[4] === undefined) return speakCalendarDate(year, month, day)

  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')]
  if (hour > 23 || minute > 59 || second > 59) throw invalid()
  const offset = m[7] ?? 'Z'
  let offsetMinutes = 0
  if (offset !== 'Z') {
    const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))]
    if (oh > 14 || om > 59) throw invalid()
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om)
  }
  const utcMinutes =
    daysFromCivil(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute - offsetMinutes
  const local = utcMinutes + SHANGHAI_OFFSET_MINUTES
  const localDays = floorDiv(local, MINUTES_PER_DAY)
  const minuteOfDay = local - localDays * MINUTES_PER_DAY
  const [ly, lm, ld] = civilFromDays(localDays)
  return `${speakCalendarDate(ly, lm, ld)} ${speakClock(floorDiv(minuteOfDay, 60), minuteOfDay % 60)}`
}
