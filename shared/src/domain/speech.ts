import { DomainError } from './domain-error'
import { divFloor } from './int-math'
import { DM3_PER_M3, volumeDm3 } from './volume'

/**
 * Chinese text for read-aloud (长辈模式), written out in characters so every TTS engine (WeChat
 * 同声传译, Alipay, Web Speech) reads it the same way instead of guessing at digits.
 *
 * Reading of 2: '两' where a measure follows and speakers say 两 — a leading 2 before 百, 千,
 * 万 or 亿 (两百, 两千三百, 两万, 两亿), a count of exactly 2 before a unit (两元, 两角, 两分,
 * 两立方米) and the hour 2 (两点); '二' everywhere else (十二, 二十, 一千二百, 二月, 二日,
 * 二点五). 10–19 at the start of a number are read 十…, inside one 一十… (一万零一十).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const
const PLACES = ['', '十', '百', '千'] as const

function digit(d: number): string {
  return DIGITS[d] ?? ''
}

function assertCount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError('INVALID_NUMBER', `${what} must be a non-negative integer`)
  }
  return n
}

// One four-digit section (1–9999). `leading`: it starts the whole number.
function speakSection(n: number, leading: boolean): string {
  let out = ''
  let zeroPending = false
  for (let place = 3; place >= 0; place--) {
    const d = divFloor(n, 10 ** place) % 10
    if (d === 0) {
      zeroPending = out !== ''
      continue
    }
    if (zeroPending) out += '零'
    zeroPending = false
    const first = leading && out === ''
    if (first && place === 1 && d === 1) out += '十'
    else if (first && place >= 2 && d === 2) out += `两${PLACES[place] ?? ''}`
    else out += digit(d) + (PLACES[place] ?? '')
  }
  return out
}

// 1 ≤ n < 10⁸: up to two sections joined by 万.
function speakBelowYi(n: number, leading: boolean): string {
  const high = divFloor(n, 10000)
  const low = n % 10000
  if (high === 0) return speakSection(low, leading)
  const highWords = leading && high === 2 ? '两' : speakSection(high, leading)
  if (low === 0) return `${highWords}万`
  return `${highWords}万${low < 1000 ? '零' : ''}${speakSection(low, false)}`
}

/** 0 → '零', 11 → '十一', 1001 → '一千零一', 10010 → '一万零一十', 100000000 → '一亿'. */
export function speakNumber(n: number): string {
  assertCount(n, 'number')
  if (n === 0) return '零'
  // Past 10⁸ the count of 亿 is itself read with 万 (一万零一亿), never as 万亿 sections.
  const yi = divFloor(n, 1e8)
  const rest = n % 1e8
  if (yi === 0) return speakBelowYi(rest, true)
  const yiWords = `${yi === 2 ? '两' : speakBelowYi(yi, true)}亿`
  if (rest === 0) return yiWords
  return `${yiWords}${rest < 1e7 ? '零' : ''}${speakBelowYi(rest, false)}`
}

// A count directly before a unit: 2 is 两.
function speakCount(n: number): string {
  return n === 2 ? '两' : speakNumber(n)
}

/** '1000000001' → '一零零零零零零零零一': account, phone and card numbers, digit by digit. */
export function speakDigits(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new DomainError('INVALID_NUMBER', 'expected digits only')
  return Array.from(digits, (d) => digit(Number(d))).join('')
}

/** 1230 → '十二元三角', 10005 → '一百元零五分', 0 → '零元', 5 → '五分'. Negatives are rejected. */
export function speakAmountFen(amountFen: number): string {
  const n = assertCount(amountFen, 'amount in fen')
  if (n === 0) return '零元'
  const yuan = divFloor(n, 100)
  const jiao = divFloor(n, 10) % 10
  const fen = n % 10
  let out = yuan > 0 ? `${speakCount(yuan)}元` : ''
  if (jiao > 0) out += `${speakCount(jiao)}角`
  if (fen > 0) out += `${jiao === 0 && yuan > 0 ? '零' : ''}${speakCount(fen)}分`
  return out
}

/** 12500 dm³ → '十二点五立方米', 2000 → '两立方米', 500 → '零点五立方米'. */
export function speakVolume(volume: number): string {
  const v = volumeDm3(volume)
  const whole = divFloor(v, DM3_PER_M3)
  const fraction = String(v % DM3_PER_M3)
    .padStart(3, '0')
    .replace(/0+$/, '')
  if (fraction === '') return `${speakCount(whole)}立方米`
  return `${speakNumber(whole)}点${speakDigits(fraction)}立方米`
}

/** Heat in MJ spoken to a tenth of a GJ, as the pages show it: 8345 → '八点三吉焦'. */
export function speakHeatMj(mj: number): string {
  // Nearest tenth of a GJ (half up) in whole numbers: mj is a count, never a float.
  const rounded = mj + 50
  const tenths = (rounded - (rounded % 100)) / 100
  const whole = (tenths - (tenths % 10)) / 10
  const tenth = tenths % 10
  return tenth === 0
    ? `${speakNumber(whole)}吉焦`
    : `${speakNumber(whole)}点${speakDigits(String(tenth))}吉焦`
}
