import { Weighted, type Random } from '../random'

/** Common surnames, roughly by frequency, with a few two-character ones. */
const surnames = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  ),
  '欧阳',
  '司马',
  '诸葛',
  '上官',
]
const surnameTable = new Weighted(
  surnames,
  surnames.map((name, i) => (name.length > 1 ? 0.05 : 1 / (1 + i * 0.06))),
)

/** Two-character surnames, so a surname-only proof takes the right number of characters. */
export const compoundSurnames: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '长孙',
  '宇文',
  '端木',
  '南宫',
])

export function surnameOf(fullName: string): string {
  const two = fullName.slice(0, 2)
  return compoundSurnames.has(two) ? two : fullName.slice(0, 1)
}

const maleChars =
  '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国志文海东永晨轩博睿昊然铭泽'
const femaleChars = '芳娜敏静丽艳娟霞秀玲桂英兰萍红燕梅琳雪慧莉婷颖倩佳欣怡悦雨涵萱琪晶洁薇月'
const olderMale = [
  '建国',
  '国强',
  '德福',
  '永生',
  '志刚',
  '振华',
  '树林',
  '宝山',
  '福海',
  '玉山',
  '学文',
  '保国',
  '金生',
  '长顺',
]
const olderFemale = [
  '桂兰',
  '秀英',
  '秀珍',
  '玉兰',
  '淑珍',
  '凤英',
  '桂芳',
  '桂英',
  '秀兰',
  '玉珍',
  '淑兰',
  '素芬',
  '凤兰',
  '金凤',
]

export type Sex = 'male' | 'female'

/** A name that fits the holder's sex and generation (older holders get older-style names). */
export function chineseName(random: Random, sex: Sex, birthYear: number): string {
  const surname = surnameTable.pick(random)
  if (birthYear < 1962 && random.chance(0.7)) {
    return surname + random.pick(sex === 'male' ? olderMale : olderFemale)
  }
  const chars = sex === 'male' ? maleChars : femaleChars
  const first = chars[random.int(0, chars.length - 1)] ?? ''
  if (random.chance(0.35)) return surname + first
  return surname + first + (chars[random.int(0, chars.length - 1)] ?? '')
}

const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
]

export function mobileNumber(random: Random): string {
  return random.pick(mobilePrefixes) + random.digits(8)
}
