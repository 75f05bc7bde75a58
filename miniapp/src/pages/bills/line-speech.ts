import {
  DM2_PER_M2,
  speakAmountFen,
  speakDate,
  speakDigits,
  speakHeatMj,
  speakNumber,
  speakVolume,
} from '@gh/shared'
import type { Bill, BillLine } from '@gh/shared'
import { speakCount } from '../../voice/spoken-text'

/*
 * A bill's lines as the open bill shows them ('13.762 m³ × 3.10 元/m³ = 42.66 元'), in words:
 * '第一阶梯，十三点七六二立方米，每立方米三元一角，共四十二元六角六分'. Read from the line's
 * numbers, not its text, so no symbol (m³, ×, /) is left to the TTS engine.
 */

const tierNames = ['第一阶梯', '第二阶梯', '第三阶梯'] as const

/** 8945 dm² → '八十九点四五平方米', 10000 → '一百平方米'. */
export function speakArea(areaDm2: number): string {
  const whole = Math.floor(areaDm2 / DM2_PER_M2)
  const fraction = String(areaDm2 % DM2_PER_M2)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return fraction
    ? `${speakNumber(whole)}点${speakDigits(fraction)}平方米`
    : `${speakCount(whole)}平方米`
}

/** 10 basis points a day → '百分之零点一'. */
function speakPercentOfBp(bp: number): string {
  const whole = Math.floor(bp / 100)
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return `百分之${speakNumber(whole)}${rest ? `点${speakDigits(rest)}` : ''}`
}

export function billLineSpeech(line: BillLine): string {
  const total = `共${speakAmountFen(line.amountFen)}`
  switch (line.type) {
    case 'gas_tier':
      return [
        tierNames[line.tier - 1] ?? `第${speakNumber(line.tier)}阶梯`,
        speakVolume(line.volumeDm3),
        `每立方米${speakAmountFen(line.unitPriceFen)}`,
        total,
      ].join('，')
    case 'heating':
    case 'heating_basic': {
      const parts = [
        `${line.type === 'heating' ? '供暖费' : '停暖基本热费'}${speakCount(line.days)}天`,
        `建筑面积${speakArea(line.areaDm2)}`,
        `每平方米${speakAmountFen(line.priceFenPerM2)}`,
      ]
      if (line.days < line.seasonDays) {
        parts.push(`按采暖季${speakCount(line.seasonDays)}天中的${speakCount(line.days)}天计`)
      }
      if (line.percent < 100) parts.push(`收取百分之${speakNumber(line.percent)}`)
      parts.push(total)
      return parts.join('，')
    }
    case 'late_fee': {
      const full = Math.round((line.overdueFen * line.dailyRateBp * line.days) / 10_000)
      // A paid bill reports nothing overdue now: then the base is not read out, only the rule.
      const base =
        full < line.amountFen ? '按逾期未缴金额计' : `逾期未缴${speakAmountFen(line.overdueFen)}`
      return [
        `滞纳金，逾期${speakCount(line.days)}天`,
        base,
        `每天${speakPercentOfBp(line.dailyRateBp)}`,
        `从${speakDate(line.fromDate)}起算`,
        `${total}${line.amountFen < full ? '，已封顶' : ''}`,
      ].join('，')
    }
    case 'heating_compensation':
      return [
        `室温不达标补偿${speakCount(line.days)}天`,
        `从${speakDate(line.fromDate)}到${speakDate(line.toDate)}`,
        `每天补偿日热费的百分之${speakNumber(line.percent)}`,
        `本期减去${speakAmountFen(-line.amountFen)}`,
      ].join('，')
    case 'heating_metered':
      return [
        `计量热费，用热${speakHeatMj(line.heatMj)}`,
        `每吉焦${speakAmountFen(line.priceFenPerGj)}`,
        total,
      ].join('，')
  }
}

/** The open bill's details in words: the gas used, then each line. */
export function billDetailsSpeech(bill: Pick<Bill, 'usage' | 'lines'>): string {
  const parts: string[] = []
  if (bill.usage) parts.push(`本期用气${speakVolume(bill.usage.volumeDm3)}`)
  parts.push(...bill.lines.map(billLineSpeech))
  return parts.length ? `明细：${parts.join('；')}。` : ''
}
