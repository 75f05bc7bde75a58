import { randomInt } from 'node:crypto'
import { toShanghaiIso } from '../platform/time'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/**
 * `GH` + yyyyMMddHHmmss (Asia/Shanghai) + 12 random characters: 28 characters of [0-9A-Z], inside
 * both providers' limits (WeChat ≤32, Alipay ≤64, [A-Za-z0-9_-]), sortable by time, and readable
 * over the phone to the service line (no I or O).
 */
export function newOutTradeNo(now: Date): string {
  const stamp = toShanghaiIso(now).slice(0, 19).replace(/\D/g, '')
  let tail = ''
  for (let i = 0; i < 12; i++) tail += ALPHABET[randomInt(ALPHABET.length)]
  return `GH${stamp}${tail}`
}

/** One refund per order, so the refund number is derived and a retried refund is the same one. */
export function refundNoFor(outTradeNo: string): string {
  return `RF${outTradeNo}`
}

/** Start of the Asia/Shanghai day containing `now` (the daily limit's window). */
export function startOfShanghaiDay(now: Date): Date {
  const day = toShanghaiIso(now).slice(0, 10)
  return new Date(`${day}T00:00:00+08:00`)
}
