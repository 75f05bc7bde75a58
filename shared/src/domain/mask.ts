/**
 * Masking of personal data for display and sharing (PIPL). Masks use a fixed number of '*'
 * where the length of the hidden part would itself tell something (address numbers, account
 * numbers), and one '*' per character for names, where the length is what residents expect.
 */

// Two-character surnames kept whole by maskName: the common 复姓 of the Hundred Family Surnames.
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 ' +
    '西门 司空 呼延 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 仲孙 闻人 赫连 万俟 钟离 拓跋 ' +
    '百里 东郭 南门 羊舌 微生 梁丘 左丘 东门 第五 乐正 谷梁 公羊 司寇 亓官 鲜于 闾丘 子车 ' +
    '漆雕 壤驷 公良 巫马 公西 颛孙 段干 呼延 归海 夹谷 宰父 拓拔'
  ).split(' '),
)

const STARS = (n: number): string => '*'.repeat(n)

/**
 * '张三丰' → '张**', '李四' → '李*', '欧阳修' → '欧阳*', '欧阳' → '欧*' (a two-character name
 * is read as surname + given name). Characters are counted by code point so rare characters
 * outside the BMP count once.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return STARS(chars.length)
  const head = chars.slice(0, 2).join('')
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(head) ? 2 : 1
  return chars.slice(0, keep).join('') + STARS(chars.length - keep)
}

/**
 * Mainland mobiles (optionally +86) → '138****5678'. Other numbers (landlines) keep only their
 * last four digits; separators stay so the shape is still recognisable.
 */
export function maskPhone(phone: string): string {
  const text = phone.trim()
  const mobile = /^(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})$/.exec(text)
  if (mobile) return `${mobile[1] ?? ''}****${mobile[2] ?? ''}`
  const digitCount = text.replace(/\D/g, '').length
  let seen = 0
  return text.replace(/\d/g, (d) => (++seen > digitCount - 4 ? d : '*'))
}

/**
 * ID numbers keep their first and last character only: '110101199003074514' →
 * '1****************4'. Banks often show more (first 6 + last 4), but the first six digits
 * are the birthplace and, with the last four, narrow a person down; this app never needs them.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim())
  if (chars.length <= 2) return STARS(chars.length)
  return `${chars[0] ?? ''}${STARS(chars.length - 2)}${chars[chars.length - 1] ?? ''}`
}

/**
 * Account numbers (户号) on share cards: first and last three digits with four stars between,
 * '1000000001' → '100****001'. Shorter numbers keep their last two.
 */
export function maskAccountNo(accountNo: string): string {
  const text = accountNo.trim()
  if (text.length >= 8) return `${text.slice(0, 3)}****${text.slice(-3)}`
  if (text.length <= 2) return STARS(text.length)
  return `****${text.slice(-2)}`
}

// Units that follow a number in the building/unit/room part of an address.
const UNIT = '(?:号楼|号院|栋|幢|座|单元|层|楼|室|号|户|组|排|期)'
const NUM = '[0-9A-Za-z０-９零〇一二三四五六七八九十百-]+'
const DETAIL_TAIL = new RegExp(`(?:${NUM}${UNIT})*${NUM}?${UNIT}?$`)
const NUM_GLOBAL = new RegExp(NUM, 'g')
// A tail ending in a bare number or 室/户 ends in the room number.
const ENDS_WITH_ROOM = /[0-9A-Za-z０-９室户]$/

/**
 * Keeps the address down to the road and community (小区) and hides the building, unit and
 * room: 'XX市XX区XX路XX号XX小区3栋2单元501' → 'XX市XX区XX路XX号XX小区**栋**单元***'. Numbers
 * become '**' and the final room number '***' whatever their length, so the mask does not tell
 * how high the building is.
 */
export function maskAddress(address: string): string {
  const text = address.trim()
  const tailMatch = DETAIL_TAIL.exec(text)
  const tail = tailMatch?.[0] ?? ''
  if (tail === '' || !/[0-9０-９零〇一二三四五六七八九十]/.test(tail)) return text
  const head = text.slice(0, text.length - tail.length)
  const runs = tail.match(NUM_GLOBAL)?.length ?? 0
  let seen = 0
  const masked = tail.replace(NUM_GLOBAL, () =>
    ++seen === runs && ENDS_WITH_ROOM.test(tail) ? '***' : '**',
  )
  return head + masked
}
