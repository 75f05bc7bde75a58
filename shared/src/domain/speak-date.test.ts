import fc from 'fast-check'
import { isDomainError } from './domain-error'
import { speakDate } from './speak-date'
import { speakDigits, speakNumber } from './speech'

describe('speakDate', () => {
  it.each([
    ['2026-11-26T09:30:00+08:00', '二零二六年十一月二十六日 上午九点三十分'],
    ['2026-11-26T01:30:00Z', '二零二六年十一月二十六日 上午九点三十分'],
    ['2026-11-25T20:00:00-05:00', '二零二六年十一月二十六日 上午九点整'],
    ['2026-12-31T16:00:00.000Z', '二零二七年一月一日 凌晨零点整'],
    ['2028-02-28T16:05:59Z', '二零二八年二月二十九日 凌晨零点零五分'],
    ['2026-11-26T14:02+08:00', '二零二六年十一月二十六日 下午两点零二分'],
    ['2026-11-26T12:00:00+08:00', '二零二六年十一月二十六日 中午十二点整'],
    ['2026-11-26T23:59:00+08:00', '二零二六年十一月二十六日 晚上十一点五十九分'],
    ['2026-11-26T05:10:00+08:00', '二零二六年十一月二十六日 凌晨五点十分'],
    ['2026-02-02', '二零二六年二月二日'],
  ])('when the time is %p, then it is read %p', (iso, words) => {
    expect(speakDate(iso)).toBe(words)
  })

  it.each([
    'abc',
    '2026-02-30',
    '2026-13-01',
    '2026-11-26T09:30:00',
    '2026-11-26T24:00:00Z',
    '2026-11-26T09:60:00Z',
    '2026-11-26T09:30:00+15:00',
    '2026-11-26 09:30:00+08:00',
  ])('when the text is %p, then throws INVALID_DATE', (iso) => {
    let error: unknown
    try {
      speakDate(iso)
    } catch (e) {
      error = e
    }
    expect(isDomainError(error, 'INVALID_DATE')).toBe(true)
  })

  it('when any instant is given in any offset, then the Shanghai wall time is read', () => {
    const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) })
    const offsetMinutes = fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => q * 15)
    fc.assert(
      fc.property(instant, offsetMinutes, (ms, offset) => {
        const wall = new Date(ms + offset * 60_000)
        const sign = offset < 0 ? '-' : '+'
        const abs = Math.abs(offset)
        const pad = (n: number) => String(n).padStart(2, '0')
        const iso =
          `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
          `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00` +
          `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
        const shanghai = new Date(ms + 8 * 3_600_000)
        const date =
          `${speakDigits(String(shanghai.getUTCFullYear()))}年` +
          `${speakNumber(shanghai.getUTCMonth() + 1)}月${speakNumber(shanghai.getUTCDate())}日`
        return speakDate(iso).startsWith(`${date} `)
      }),
    )
  })
})
