import { speakDate } from '@gh/shared'

/** `2026-11-26T09:05:00+08:00` → `11月26日 09:05` (times come in Beijing time from the BFF). */
export function shortTime(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`
}

/** `09:05`, for a time on the same visit (an arrival, the next 催单). */
export const clockTime = (iso: string): string => iso.slice(11, 16)

/** Read aloud without the year: 十一月二十六日 上午九点零五分. */
export function speakWhen(iso: string): string {
  return speakDate(iso).replace(/^[^年]*年/, '')
}
