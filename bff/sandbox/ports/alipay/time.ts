import { shanghaiMs, toShanghaiIso } from '../../clock'

/** Alipay's wire time: `yyyy-MM-dd HH:mm:ss`, Beijing time, no offset. */
export function alipayTime(ms: number): string {
  return toShanghaiIso(ms).slice(0, 19).replace('T', ' ')
}

const WIRE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** Epoch ms of a wire time, or undefined when it is not one (or not a real date). */
export function parseAlipayTime(text: string): number | undefined {
  const m = WIRE_TIME.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return undefined
  }
  const ms = shanghaiMs(year, month, day, hour, minute) + second * 1000
  // Rejects 02-30 and the like, which Date would roll into the next month.
  return alipayTime(ms) === text ? ms : undefined
}

/** `yyyy-MM-dd` of a moment, Beijing time. */
export function alipayDate(ms: number): string {
  return alipayTime(ms).slice(0, 10)
}

const EXPRESS = /^([1-9]\d*)([mhd])$/
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/**
 * `timeout_express` (`90m`, `2h`, `15d`, or `1c` for "end of today") as ms from `nowMs`;
 * undefined when malformed or outside Alipay's 1m–15d.
 */
export function timeoutExpressMs(text: string, nowMs: number): number | undefined {
  if (text === '1c') {
    const today = alipayDate(nowMs)
    const end = parseAlipayTime(`${today} 23:59:59`)
    return end === undefined ? undefined : end - nowMs
  }
  const m = EXPRESS.exec(text)
  if (!m) return undefined
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]
  return ms >= 60_000 && ms <= 15 * 86_400_000 ? ms : undefined
}
