/**
 * Finds personal data that escaped masking in text (responses, logs, share cards). Built for
 * tests and log checks, so it aims at no false alarms on what those texts are full of: 10-digit
 * account numbers, fen amounts, epoch timestamps, order numbers, UUIDs and masked values.
 * - mobile: 11 digits 1[3-9]…, optionally +86 and written 3-4-4 with one kind of separator;
 * - ID (18): 17 digits + digit/X, a plausible province code and birth date, a valid checksum;
 * - ID (15, pre-1999): 15 digits with a plausible province code and birth date (19YYMMDD).
 * A number is only considered when no letter or digit touches it on either side.
 */

export type PersonalDataKind = 'mobile' | 'id18' | 'id15'

export interface PersonalDataFinding {
  kind: PersonalDataKind
  /** Where it starts in the text. The value itself is not returned, so it cannot leak again. */
  index: number
}

const EDGE_BEFORE = '(?<![0-9A-Za-z])'
const EDGE_AFTER = '(?![0-9A-Za-z])'
const MOBILE = new RegExp(
  `${EDGE_BEFORE}(?:\\+?86[- ]?)?1[3-9]\\d([- ]?)\\d{4}\\1\\d{4}${EDGE_AFTER}`,
  'g',
)
const ID18 = new RegExp(`${EDGE_BEFORE}\\d{17}[\\dXx]${EDGE_AFTER}`, 'g')
const ID15 = new RegExp(`${EDGE_BEFORE}\\d{15}${EDGE_AFTER}`, 'g')

// GB/T 2260 province-level codes, plus 83 (Taiwan residents' permits) and 9x (foreigners'
// permanent residence IDs issued since 2023).
const PROVINCES = new Set(
  (
    '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 ' +
    '61 62 63 64 65 71 81 82 83 91 92 93 94 95 96'
  ).split(' '),
)
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function isPlausibleBirthDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= (days[month - 1] ?? 0)
}

/** True for an 18-character resident ID number whose check character is right. */
export function isValidId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCES.has(id.slice(0, 2))) return false
  const year = Number(id.slice(6, 10))
  if (!isPlausibleBirthDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] === id[17]?.toUpperCase()
}

function isPlausibleId15(id: string): boolean {
  if (!PROVINCES.has(id.slice(0, 2))) return false
  const year = 1900 + Number(id.slice(6, 8))
  return isPlausibleBirthDate(year, Number(id.slice(8, 10)), Number(id.slice(10, 12)))
}

export function findUnmaskedPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = []
  for (const m of text.matchAll(MOBILE)) found.push({ kind: 'mobile', index: m.index })
  for (const m of text.matchAll(ID18)) {
    if (isValidId18(m[0])) found.push({ kind: 'id18', index: m.index })
  }
  for (const m of text.matchAll(ID15)) {
    if (isPlausibleId15(m[0])) found.push({ kind: 'id15', index: m.index })
  }
  return found.sort((a, b) => a.index - b.index)
}

export function containsUnmaskedPersonalData(text: string): boolean {
  return findUnmaskedPersonalData(text).length > 0
}
