import type { GasUsage, HeatingUsage, MeteredHeatingUsage, UsageMonth } from '@gh/shared'
import { speakGj, usageSpeech, versusLastYear } from './speech'
import { usageRows } from './usage-view'

const month = (key: string, usageDm3: number, days: number, before: number | null): UsageMonth => {
  const [y, m] = key.split('-')
  return {
    month: key,
    label: `${y}年${Number(m)}月`,
    usageDm3,
    days,
    dailyAverageDm3: Math.round(usageDm3 / days),
    complete: days >= 28,
    lastYear: {
      month: `${Number(y) - 1}-${m}`,
      usageDm3: before,
      days: before === null ? 0 : 30,
      dailyAverageDm3: before === null ? null : Math.round(before / 30),
    },
  }
}

const gas: GasUsage = {
  kind: 'gas',
  accountNo: '1000000001',
  readAt: '2026-12-15T00:00:00+08:00',
  months: [month('2026-11', 66_400, 30, 59_300), month('2026-12', 35_200, 14, 80_000)],
  yearToDateDm3: 712_600,
  forecast: {
    dailyDm3: 2_460,
    recentDailyDm3: 2_340,
    recentDays: 44,
    lastYearDailyDm3: 2_500,
    basis: '按近44天日均 2.3 m³ 及去年同期用量估算',
  },
  summary: '',
}

const heating: HeatingUsage = {
  kind: 'heating',
  accountNo: '1000000004',
  basis: 'area',
  areaDm2: 9_856,
  priceFenPerM2: 2_280,
  season: { startsOn: '2026-11-15', endsOn: '2027-03-15' },
  heatedThisSeason: true,
  seasonFeeFen: 224_717,
  summary: '',
}

describe('用量 read aloud', () => {
  test('when a gas account is read, then this month so far, last month beside last year, the year and the forecast with its basis are read', () => {
    const text = usageSpeech({ loggedIn: true, accountNo: '1000000001', usage: gas })
    expect(text).toBe(
      '用量。户号：一零零零零零零零零一。' +
        '本月到目前十四天，用气三十五立方米，日均二点五立方米。' +
        '二零二六年十一月用气六十六立方米，去年同月五十九立方米，比去年同月多百分之十二。' +
        '今年累计用气七百一十三立方米。' +
        '预计今后每天约用二点五立方米，按近四十四天日均二点三立方米及去年同期用量估算。',
    )
    expect(text).not.toMatch(/\d/)
  })

  test('when there is no reading a year earlier, then no comparison and a forecast on recent use only', () => {
    const text = usageSpeech({
      loggedIn: true,
      accountNo: '1000000001',
      usage: {
        ...gas,
        months: [month('2026-11', 66_400, 30, null)],
        forecast: gas.forecast && { ...gas.forecast, lastYearDailyDm3: null },
      },
    })
    expect(text).toContain('二零二六年十一月用气六十六立方米。')
    expect(text).not.toContain('去年')
    expect(text).toContain('按近四十四天日均二点三立方米估算。')
  })

  test('when a heating account billed by area is read, then its area, season and fee are read, not a volume', () => {
    const text = usageSpeech({ loggedIn: true, accountNo: '1000000004', usage: heating })
    expect(text).toContain('供暖费按建筑面积九十八点五六平方米计算，不按用热量计量。')
    expect(text).toContain('本采暖季从二零二六年十一月十五日到二零二七年三月十五日')
    expect(text).toContain('供暖费两千二百四十七元一角七分。')
    expect(text).not.toContain('立方米')
  })

  test('when logged out, unbound or loading, then the page says what to do next', () => {
    expect(usageSpeech({ loggedIn: false })).toContain('请点“去登录”')
    expect(usageSpeech({ loggedIn: true })).toContain('还没有绑定户号')
    expect(usageSpeech({ loggedIn: true, accountNo: '1000000001' })).toContain('正在加载')
  })

  test('when this year is within 5% of last year, then it is read as about the same', () => {
    expect(versusLastYear(103, 100)).toBe('和去年同月差不多')
    expect(versusLastYear(80, 100)).toBe('比去年同月少百分之二十')
  })
})

describe('热计量', () => {
  const month = (m: string, mj: number, lastMj: number, complete = true) => ({
    month: m,
    label: `${m.slice(0, 4)}年${Number(m.slice(5))}月`,
    usageDm3: mj,
    days: complete ? 30 : 14,
    dailyAverageDm3: Math.round(mj / (complete ? 30 : 14)),
    complete,
    lastYear: { month: m, usageDm3: lastMj, days: 30, dailyAverageDm3: Math.round(lastMj / 30) },
  })
  const metered: MeteredHeatingUsage = {
    kind: 'heating_metered',
    accountNo: '1000000012',
    unit: 'GJ',
    readAt: '2026-12-15T00:00:00+08:00',
    months: [month('2026-11', 3_240, 3_050), month('2026-12', 4_410, 8_900, false)],
    season: { startsOn: '2026-11-15', endsOn: '2027-03-15' },
    heatedThisSeason: true,
    seasonHeatMj: 7_650,
    areaDm2: 8_940,
    basicPercent: 30,
    basicFeeFen: 61_150,
    priceFenPerGj: 4_800,
    meteredFeeSoFarFen: 36_720,
    summary: '',
  }

  test('when a metered heating home is read aloud, then heat is said in 吉焦, never in 立方米', () => {
    const text = usageSpeech({ loggedIn: true, accountNo: '1000000012', usage: metered })
    expect(text).toContain('用热七点七吉焦')
    expect(text).toContain('本月到目前十四天，用热四点四吉焦')
    expect(text).toContain('基本热价')
    expect(text).toContain('每吉焦')
    expect(text).not.toContain('立方米')
  })

  test('when heat is spoken, then it is to a tenth of a GJ', () => {
    expect(speakGj(3_240)).toBe('三点二吉焦')
    expect(speakGj(12_000)).toBe('十二吉焦')
  })

  test('when the metered months become rows, then they show GJ', () => {
    const rows = usageRows(metered, 'GJ')
    expect(rows[0]).toMatchObject({ usage: '4.4 GJ', lastYear: '8.9 GJ（全月）' })
    expect(rows[1]?.usage).toBe('3.2 GJ')
  })
})
