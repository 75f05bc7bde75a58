import {
  speakAmountFen,
  speakDate,
  speakDigits,
  speakHeatMj,
  speakNumber,
  speakVolume,
  type AccountUsage,
  type GasUsage,
  type HeatingUsage,
  type MeteredHeatingUsage,
  type UsageMonth,
} from '@gh/shared'

/*
 * What 朗读 says on 用量. Numbers are spoken from the figures, never from the shown text (a TTS
 * engine guesses at "2.4 m³"): months to the whole m³, daily use to a tenth.
 */

const HEAD = '用量。'

const monthName = (m: Pick<UsageMonth, 'month'>) => {
  const [year, month] = m.month.split('-')
  return `${speakDigits(year ?? '')}年${speakNumber(Number(month))}月`
}

/** To the whole m³, as a month's use is shown. */
const wholeM3 = (dm3: number) => speakVolume(Math.round(dm3 / 1000) * 1000)
/** To a tenth of a m³, as daily use is shown. */
const tenthM3 = (dm3: number) => speakVolume(Math.round(dm3 / 100) * 100)

/** '比去年同月多百分之十二' / '少…' / '和去年同月差不多'. */
export function versusLastYear(now: number, before: number): string {
  if (before <= 0) return ''
  const percent = Math.round(((now - before) / before) * 100)
  if (Math.abs(percent) < 5) return '和去年同月差不多'
  return `比去年同月${percent > 0 ? '多' : '少'}百分之${speakNumber(Math.abs(percent))}`
}

function gasSpeech(usage: GasUsage): string {
  const parts: string[] = []
  const current = usage.months.at(-1)
  if (current && !current.complete && current.usageDm3 !== null) {
    parts.push(
      `本月到目前${speakNumber(current.days)}天，用气${wholeM3(current.usageDm3)}，` +
        `日均${tenthM3(current.dailyAverageDm3 ?? 0)}。`,
    )
  }
  const last = usage.months.filter((m) => m.complete && m.usageDm3 !== null).at(-1)
  if (last?.usageDm3 != null) {
    const before = last.lastYear.usageDm3
    const versus = before === null ? '' : versusLastYear(last.usageDm3, before)
    parts.push(
      `${monthName(last)}用气${wholeM3(last.usageDm3)}` +
        (before === null ? '' : `，去年同月${wholeM3(before)}，${versus}`) +
        '。',
    )
  }
  if (usage.yearToDateDm3 !== null) parts.push(`今年累计用气${wholeM3(usage.yearToDateDm3)}。`)
  const f = usage.forecast
  if (f) {
    parts.push(
      `预计今后每天约用${tenthM3(f.dailyDm3)}，按近${speakNumber(f.recentDays)}天日均` +
        `${tenthM3(f.recentDailyDm3)}${f.lastYearDailyDm3 === null ? '' : '及去年同期用量'}估算。`,
    )
  }
  if (parts.length === 0) return '还没有用气记录。'
  return parts.join('')
}

function speakArea(dm2: number): string {
  const whole = Math.floor(dm2 / 100)
  const fraction = String(dm2 % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return `${speakNumber(whole)}${fraction ? `点${speakDigits(fraction)}` : ''}平方米`
}

function heatingSpeech(usage: HeatingUsage): string {
  return (
    `供暖费按建筑面积${speakArea(usage.areaDm2)}计算，不按用热量计量。` +
    `本采暖季从${speakDate(usage.season.startsOn)}到${speakDate(usage.season.endsOn)}，` +
    `${usage.heatedThisSeason ? '' : '已报停，'}供暖费${speakAmountFen(usage.seasonFeeFen)}。`
  )
}

/** Heat to a tenth of a GJ, as the page shows it. */
export const speakGj = speakHeatMj

function meteredHeatingSpeech(usage: MeteredHeatingUsage): string {
  const parts = [
    `您家按热计量收费：基本热价${speakAmountFen(usage.basicFeeFen)}，` +
      `另加计量热价每吉焦${speakAmountFen(usage.priceFenPerGj)}。`,
  ]
  const current = usage.months.at(-1)
  if (current && !current.complete && current.usageDm3) {
    parts.push(`本月到目前${speakNumber(current.days)}天，用热${speakGj(current.usageDm3)}。`)
  }
  const last = usage.months.filter((m) => m.complete && m.usageDm3).at(-1)
  if (last?.usageDm3) {
    const before = last.lastYear.usageDm3
    parts.push(
      `${monthName(last)}用热${speakGj(last.usageDm3)}` +
        (before ? `，去年同月${speakGj(before)}，${versusLastYear(last.usageDm3, before)}` : '') +
        '。',
    )
  }
  parts.push(
    `本采暖季${usage.heatedThisSeason ? '' : '已报停，'}到目前用热${speakGj(usage.seasonHeatMj)}，` +
      `计量热费约${speakAmountFen(usage.meteredFeeSoFarFen)}。`,
  )
  return parts.join('')
}

export interface UsageFacts {
  loggedIn: boolean
  accountNo?: string
  /** Undefined while it loads or when it failed. */
  usage?: AccountUsage
}

export function usageSpeech(facts: UsageFacts): string {
  if (!facts.loggedIn) return `${HEAD}登录并绑定户号后可以查看用气量。请点“去登录”。`
  if (!facts.accountNo) return `${HEAD}还没有绑定户号，绑定户号后可以查看用气量。`
  const head = `${HEAD}户号：${speakDigits(facts.accountNo)}。`
  if (!facts.usage) return `${head}用量正在加载，请稍后再点朗读。`
  const usage = facts.usage
  if (usage.kind === 'gas') return head + gasSpeech(usage)
  if (usage.kind === 'heating_metered') return head + meteredHeatingSpeech(usage)
  return head + heatingSpeech(usage)
}
