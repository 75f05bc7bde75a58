import { speakAmountFen, speakDate, speakDigits, speakNumber, yuanStringToFen } from '@gh/shared'

/*
 * Text the page shows, made ready for a TTS engine: numbers, dates, amounts and masked personal
 * data are written out in words (through the shared speech formatter), so every engine reads
 * them the same way and nothing hidden on screen is guessed at or unmasked.
 */

/** A count before a measure word: 2 is 两 (两个, 两天), every other number as speakNumber. */
export function speakCount(n: number): string {
  return n === 2 ? '两' : speakNumber(n)
}

/** '138****5678' (or a full number) → '手机尾号五六七八': only the digits the screen shows last. */
export function speakPhoneTail(phone: string): string {
  const tail = /(\d{4})$/.exec(phone.trim())?.[1]
  return tail ? `手机尾号${speakDigits(tail)}` : '手机号'
}

/** '100****001' → '一零零开头、零零一结尾的户号'; a full number is read digit by digit. */
export function speakAccountNo(accountNo: string): string {
  const text = accountNo.trim()
  if (/^\d+$/.test(text)) return `户号${speakDigits(text)}`
  const m = /^(\d*)\*+(\d*)$/.exec(text)
  if (!m) return '户号'
  const [, head = '', tail = ''] = m
  const parts = [head && `${speakDigits(head)}开头`, tail && `${speakDigits(tail)}结尾`]
  return `${parts.filter(Boolean).join('、')}的户号`
}

/** '0531-96777' → '零五三一，九六七七七'; anything that is not a digit or separator is dropped. */
export function speakPhone(phone: string): string {
  return phone
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(speakDigits)
    .join('，')
}

/** The page shell's login state (请先登录 and its 去登录 button), read aloud. */
export const LOG_IN_FIRST = '请先登录，请点“去登录”。'

// A measure word after a number that makes 2 read as 两.
const MEASURE = /^[个天次位处条张笔元项分秒]/
const MOBILE_MASKED = /1\d{2}\*{4}(\d{4})/g
const MONEY = /[¥￥]\s?(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})/g
const ISO_DAY = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?/g
const NUMBER = /\d+(?:\.\d+)?/g
// Spaces the screen puts between Chinese and a number ('发送到 138****5678') are not pauses.
const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]'
const SPACE_BY_CJK = new RegExp(`(?<=${CJK})\\s+|\\s+(?=${CJK})`, 'g')

function speakNumberText(text: string, after: string): string {
  const [whole = '', fraction] = text.split('.')
  if (fraction !== undefined) return `${speakNumber(Number(whole))}点${speakDigits(fraction)}`
  // Years, codes and long numbers are read digit by digit, as people say them.
  if (after.startsWith('年') || whole.length > 5 || /^0\d/.test(whole)) return speakDigits(whole)
  const n = Number(whole)
  return MEASURE.test(after) ? speakCount(n) : speakNumber(n)
}

/**
 * A sentence from the BFF or the page ('验证码已发送到 138****5678，5分钟内有效') as it should be
 * heard: '验证码已发送到手机尾号五六七八，五分钟内有效'. Other masked parts ('王**', '**栋')
 * are read as 某, never spelled out.
 */
export function speakShownText(text: string): string {
  return text
    .replace(SPACE_BY_CJK, '')
    .replace(MOBILE_MASKED, (_, tail: string) => speakPhoneTail(tail))
    .replace(MONEY, (_, yuan: string, cents: string) =>
      speakAmountFen(yuanStringToFen(`${yuan.replace(/,/g, '')}.${cents}`)),
    )
    .replace(ISO_DAY, (iso) => {
      try {
        return speakDate(iso)
      } catch {
        return iso
      }
    })
    .replace(/\*+/g, '某')
    .replace(NUMBER, (digits: string, offset: number, all: string) =>
      speakNumberText(digits, all.slice(offset + digits.length)),
    )
    .trim()
}

/**
 * A masked address ('…幸福里小区**栋**单元***') → '…幸福里小区某栋某单元某室': the mask ends
 * in the room number, which is said as a room.
 */
export function speakAddress(addressMasked: string): string {
  return speakShownText(addressMasked.replace(/\*+$/, '某室'))
}

/** Ends a piece of speech with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim()
  if (!t) return ''
  return /[。！？]$/.test(t) ? t : `${t.replace(/[，；、：,.;]$/, '')}。`
}
