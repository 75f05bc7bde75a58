import {
  dm2ToM2String,
  dm3ToM3String,
  fenToYuanString,
  gasBill,
  heatingSeasonFee,
  type Tariff as GasTariff,
} from '@gh/shared'
import type { BillLine } from '../../../contracts/billing'
import { isoDate, ymdOf } from '../meters/days'
import { STOPPED_FEE_PERCENT, type HeatingSeason } from './tariffs'

/** Bill lines with their Chinese explanation: every amount says where it came from. */

const tierNames = ['第一阶梯', '第二阶梯', '第三阶梯']
const yuan = (fen: number): string => `${fenToYuanString(fen)} 元`

export function gasLines(
  tariff: GasTariff,
  ytdBeforeDm3: number,
  volumeDm3: number,
): { lines: BillLine[]; totalFen: number } {
  const bill = gasBill(tariff, ytdBeforeDm3, volumeDm3)
  const lines: BillLine[] = bill.lines.map((l) => ({
    type: 'gas_tier',
    tier: l.tier,
    volumeDm3: l.volumeDm3,
    unitPriceFen: l.unitPriceFen,
    amountFen: l.amountFen,
    explanation:
      `${tierNames[l.tier - 1] ?? ''} ${dm3ToM3String(l.volumeDm3)} m³ × ` +
      `${fenToYuanString(l.unitPriceFen)} 元/m³ = ${yuan(l.amountFen)}`,
  }))
  return { lines, totalFen: bill.totalFen }
}

export function gasSummary(
  tariff: GasTariff,
  monthStartDay: number,
  ytdBeforeDm3: number,
  volumeDm3: number,
  lines: readonly BillLine[],
): string {
  const { year, month } = ymdOf(monthStartDay)
  const firstBound = tariff.tiers[0]?.upToM3
  const bound =
    firstBound === null || firstBound === undefined ? '' : `，第一阶梯每年 ${firstBound} m³`
  const tiers = lines.length > 1 ? `，本月用量跨越 ${lines.length} 个阶梯，分段计价` : ''
  return (
    `${year}年${month}月用气 ${dm3ToM3String(volumeDm3)} m³。本年此前已用 ` +
    `${dm3ToM3String(ytdBeforeDm3)} m³${bound}${tiers}。阶梯按每年1月1日起的累计用气量计算。`
  )
}

export function heatingLines(
  areaDm2: number,
  priceFenPerM2: number,
  season: HeatingSeason,
  heatedDays: number,
): { lines: BillLine[]; totalFen: number } {
  const fee = heatingSeasonFee(areaDm2, priceFenPerM2, {
    seasonDays: season.days,
    heatedDays,
    stoppedFeePercent: STOPPED_FEE_PERCENT,
  })
  const area = `${dm2ToM2String(areaDm2)} m² × ${fenToYuanString(priceFenPerM2)} 元/m²`
  const stoppedDays = season.days - heatedDays
  const lines: BillLine[] = []
  if (heatedDays > 0) {
    lines.push({
      type: 'heating',
      areaDm2,
      priceFenPerM2,
      days: heatedDays,
      seasonDays: season.days,
      percent: 100,
      amountFen: fee.heatedFen,
      explanation: `供暖 ${heatedDays}/${season.days} 天：${area} = ${yuan(fee.heatedFen)}`,
    })
  }
  if (stoppedDays > 0) {
    lines.push({
      type: 'heating_basic',
      areaDm2,
      priceFenPerM2,
      days: stoppedDays,
      seasonDays: season.days,
      percent: STOPPED_FEE_PERCENT,
      amountFen: fee.stoppedFen,
      explanation:
        `停暖 ${stoppedDays}/${season.days} 天基本热费：${area} × ${STOPPED_FEE_PERCENT}% = ` +
        yuan(fee.stoppedFen),
    })
  }
  return { lines, totalFen: fee.totalFen }
}

export function heatingSummary(season: HeatingSeason, areaDm2: number, stopped: boolean): string {
  const span = `${isoDate(season.startDay)} 至 ${isoDate(season.endDay)}，共 ${season.days} 天`
  const basis = `按建筑面积 ${dm2ToM2String(areaDm2)} m² 计费`
  const note = stopped ? `。本季已办理停暖，只收 ${STOPPED_FEE_PERCENT}% 基本热费` : ''
  return `${season.year}-${season.year + 1} 采暖季（${span}），${basis}${note}。`
}
