import { speakAmountFen, speakDigits, speakHeatMj, speakNumber, yuanStringToFen } from '@gh/shared'
import type { HeatingComplaint, HeatingOffer } from '@gh/shared'
import { sentence, speakShownText } from '../../voice/spoken-text'
import type { HeatingData } from './api'

/*
 * What 朗读 says on 供暖: the season and whether the home is heated, the fee and what is still
 * owed, whether 报停 / 恢复供暖 can be applied for (and what it does to the fee, or why not),
 * the applications, and the newest 室温投诉 with its visit, result and compensation. The BFF's
 * sentences are read with their symbols in words (℃, m², ×, %) and amounts as 元角分.
 */

const MONEY_TEXT = /(\d+)\.(\d{2})\s?元/g
const SEASON_TEXT = /(\d{4})-(\d{4})\s?采暖季/g

/** A sentence from the BFF as it should be heard. */
export function spoken(text: string): string {
  return speakShownText(
    text
      .replace(
        SEASON_TEXT,
        (_, from: string, to: string) => `${speakDigits(from)}至${speakDigits(to)}年采暖季`,
      )
      .replace(MONEY_TEXT, (_, yuan: string, cents: string) =>
        speakAmountFen(yuanStringToFen(`${yuan}.${cents}`)),
      )
      .replace(/(\d+)%/g, '百分之$1')
      .replace(/℃/g, '摄氏度')
      .replace(/\/m²/g, '每平方米')
      .replace(/m²/g, '平方米')
      .replace(/\s*×\s*/g, '乘')
      .replace(/\s*÷\s*/g, '除以')
      .replace(/\s*=\s*/g, '等于')
      .replace(/–/g, '到'),
  )
}

/** 165 → '十六点五摄氏度', 180 → '十八摄氏度'. */
export function speakTemperature(tenths: number): string {
  const whole = speakNumber(Math.trunc(tenths / 10))
  const rest = tenths % 10
  return `${whole}${rest ? `点${speakDigits(String(rest))}` : ''}摄氏度`
}

/** '2026-11-15' → '十一月十五日'. */
function speakMonthDay(date: string): string {
  const [, m = '', d = ''] = date.split('-')
  return `${speakNumber(Number(m))}月${speakNumber(Number(d))}日`
}

function offerSpeech(offer: HeatingOffer): string {
  if (offer.canApply) {
    const effect = offer.effect ? spoken(offer.effect.explanation) : ''
    return sentence(`现在可以申请${offer.kindLabel}。${effect}`)
  }
  return sentence(`${offer.kindLabel}：${spoken(offer.reason ?? '现在不能申请')}`)
}

function complaintSpeech(c: HeatingComplaint): string {
  const parts = [
    `最近一次室温投诉，报告室温${speakTemperature(c.reportedTenths)}，${c.statusLabel}`,
  ]
  if (c.status === 'scheduled') parts.push(`上门测温时间${spoken(c.visit.label)}`)
  if (c.measurement) {
    parts.push(
      `上门测得${speakTemperature(c.measurement.measuredTenths)}，` +
        (c.measurement.belowStandard ? '不达标' : '达标'),
    )
  }
  if (c.compensation) {
    parts.push(
      `补偿${speakNumber(c.compensation.days)}天，共${speakAmountFen(c.compensation.amountFen)}，` +
        spoken(c.compensation.note),
    )
  } else if (c.status === 'scheduled' || c.status === 'fixing') {
    parts.push(spoken(c.expected.text))
  }
  return sentence(parts.join('，'))
}

/** 热计量: the two-part price and the heat so far, in 吉焦. */
function meteredSpeech(m: NonNullable<HeatingData['overview']['fee']['metered']>): string {
  return (
    `您家按热计量收费：基本热价${speakAmountFen(m.basicFeeFen)}，` +
    `加上计量热价每吉焦${speakAmountFen(m.priceFenPerGj)}乘以用热量。` +
    `本季到目前用热${speakHeatMj(m.seasonHeatMj)}，计量热费约${speakAmountFen(m.meteredFeeSoFarFen)}。`
  )
}

export function heatingSpeech(loggedIn: boolean, data: HeatingData | undefined): string {
  if (!loggedIn) return '供暖。登录并绑定户号后，可以查看采暖季、报停和室温投诉。'
  if (!data) return '供暖。正在加载。'
  const { overview, stops, complaints } = data
  const { season, supply, fee } = overview
  const [from, to] = [season.year, season.year + 1].map((y) => speakDigits(String(y)))
  const phase =
    season.phase === 'before' ? '还没开始' : season.phase === 'after' ? '已经结束' : '正在供暖期'
  const owed =
    fee.outstandingFen > 0
      ? `，还需交${speakAmountFen(fee.outstandingFen)}`
      : fee.billId
        ? '，已交清'
        : '，尚未出账'
  const credit = fee.creditFen < 0 ? `，已扣减室温不达标补偿${speakAmountFen(-fee.creditFen)}` : ''
  const parts = [
    `供暖。${from}至${to}年采暖季，${speakMonthDay(season.startsOn)}到${speakMonthDay(season.endsOn)}，${phase}。`,
    sentence(spoken(supply.label)),
    `本季热费${speakAmountFen(fee.seasonFeeFen)}${credit}，已交${speakAmountFen(fee.paidFen)}${owed}。`,
    ...(fee.metered ? [meteredSpeech(fee.metered)] : []),
    offerSpeech(stops.stop),
  ]
  if (stops.resume.code !== 'HEATING_NOT_STOPPED') parts.push(offerSpeech(stops.resume))
  for (const a of stops.applications.filter((x) => x.status === 'active')) {
    parts.push(sentence(`${a.kindLabel}申请${a.statusLabel}，${spoken(a.cancelNote)}`))
  }
  const { report } = complaints
  parts.push(
    report.canApply
      ? sentence(
          `室温不达标可以报告。${spoken(complaints.rule.bands.map((b) => b.text).join('；'))}`,
        )
      : sentence(`室温投诉：${spoken(report.reason ?? '现在不受理')}`),
  )
  const newest = complaints.complaints[0]
  if (newest) parts.push(complaintSpeech(newest))
  return parts.join('')
}
