import { DomainError } from './domain-error'
import { assertNonNegativeInt } from './int-math'

/**
 * Gas volume is an integer count of dm³ (litres, 0.001 m³). Why dm³: IoT and IC-card gas meters
 * register to 0.001 m³, so every reading is exact in this unit; tier bounds (whole m³) are exact
 * multiples of 1000; and price × volume stays far inside the safe-integer range (a household's
 * 10 000 m³ at 100 元/m³ is 10¹⁰ fen·dm³/m³). 0.01 m³ would round meter readings.
 *
 * Heated area is an integer count of dm² (0.01 m²), the precision of a property certificate's
 * 建筑面积 such as 89.45 m².
 */

export const DM3_PER_M3 = 1000
export const DM2_PER_M2 = 100

/** Guard: a non-negative volume in dm³. */
export function volumeDm3(n: number): number {
  return assertNonNegativeInt(n, 'INVALID_VOLUME', 'volume in dm³')
}

/** Guard: a non-negative area in dm² (0.01 m²). */
export function areaDm2(n: number): number {
  return assertNonNegativeInt(n, 'INVALID_AREA', 'area in dm²')
}

function parseFixed(text: string, decimals: number): number | undefined {
  const m = new RegExp(`^(0|[1-9]\\d*)(?:\\.(\\d{1,${decimals}}))?$`).exec(text)
  const whole = m?.[1]
  if (m === null || whole === undefined) return undefined
  const n = Number(whole + (m[2] ?? '').padEnd(decimals, '0'))
  return Number.isSafeInteger(n) ? n : undefined
}

function formatFixed(n: number, decimals: number): string {
  const digits = String(n).padStart(decimals + 1, '0')
  const frac = digits.slice(-decimals).replace(/0+$/, '')
  const whole = digits.slice(0, -decimals)
  return frac === '' ? whole : `${whole}.${frac}`
}

/** '12.5' (m³, up to three decimals, as upstream readings are written) → 12500 dm³. */
export function m3StringToDm3(text: string): number {
  const n = parseFixed(text, 3)
  if (n === undefined) {
    throw new DomainError('INVALID_VOLUME', 'volume must be m³ with at most three decimals')
  }
  return n
}

/** 12500 dm³ → '12.5' (m³, trailing zeros dropped). */
export function dm3ToM3String(volume: number): string {
  return formatFixed(volumeDm3(volume), 3)
}

/** '89.45' (m², up to two decimals) → 8945 dm². */
export function m2StringToDm2(text: string): number {
  const n = parseFixed(text, 2)
  if (n === undefined) {
    throw new DomainError('INVALID_AREA', 'area must be m² with at most two decimals')
  }
  return n
}

/** 8945 dm² → '89.45' (m², trailing zeros dropped). */
export function dm2ToM2String(area: number): string {
  return formatFixed(areaDm2(area), 2)
}
