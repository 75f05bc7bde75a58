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
import type { Compensation, ComplaintRecord } from './heating-complaint-record'
import {
  HEATING_PRICE_FEN_PER_M2,
  METERED_BASIC_PERCENT,
  METERED_PRICE_FEN_PER_GJ,
  STOPPED_FEE_PERCENT,
  heatingSeason,
  type HeatingSeason,
} from './tariffs'

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

/**
 * 热计量: the season bill issued before the season carries the 基本热价, a share of the area
 * price; the 计量热价 part follows the heat the meter counts over the season.
 */
export function meteredBasicLines(
  areaDm2: number,
  priceFenPerM2: number,
  season: HeatingSeason,
): { lines: BillLine[]; totalFen: number } {
  const fee = heatingSeasonFee(areaDm2, priceFenPerM2, {
    seasonDays: season.days,
    heatedDays: 0,
    stoppedFeePercent: METERED_BASIC_PERCENT,
  })
  const area = `${dm2ToM2String(areaDm2)} m² × ${fenToYuanString(priceFenPerM2)} 元/m²`
  const lines: BillLine[] = [
    {
      type: 'heating_basic',
      areaDm2,
      priceFenPerM2,
      days: season.days,
      seasonDays: season.days,
      percent: METERED_BASIC_PERCENT,
      amountFen: fee.stoppedFen,
      explanation:
        `热计量基本热价：${area} × ${METERED_BASIC_PERCENT}% = ${yuan(fee.stoppedFen)}；` +
        `计量热价 ${fenToYuanString(METERED_PRICE_FEN_PER_GJ)} 元/GJ，按热表读数另计`,
    },
  ]
  return { lines, totalFen: fee.stoppedFen }
}

/** 计量热费: the season's heat (MJ) at the price per GJ, rounded half up once. */
export function meteredLine(heatMj: number, priceFenPerGj: number): BillLine {
  const amountFen = Math.round((heatMj * priceFenPerGj) / 1000)
  return {
    type: 'heating_metered',
    heatMj,
    priceFenPerGj,
    amountFen,
    explanation:
      `计量热费：${(heatMj / 1000).toFixed(2)} GJ × ${fenToYuanString(priceFenPerGj)} 元/GJ = ` +
      yuan(amountFen),
  }
}

export function meteredSummary(season: HeatingSeason, heatMj: number): string {
  return (
    `${season.year}-${season.year + 1} 采暖季计量热费：热量表计得全季用热 ` +
    `${(heatMj / 1000).toFixed(2)} GJ，按计量热价计收；基本热价已在采暖季前出账。`
  )
}

export function heatingSummary(
  season: HeatingSeason,
  areaDm2: number,
  state: { stopped: boolean; resumedFrom: number | null; creditedFen: number },
): string {
  const span = `${isoDate(season.startDay)} 至 ${isoDate(season.endDay)}，共 ${season.days} 天`
  const basis = `按建筑面积 ${dm2ToM2String(areaDm2)} m² 计费`
  let note = ''
  if (state.stopped && state.resumedFrom !== null) {
    note =
      `。本季已办理停暖，${isoDate(state.resumedFrom)} 起恢复供暖，` +
      `此前按 ${STOPPED_FEE_PERCENT}% 收取基本热费`
  } else if (state.stopped) {
    note = `。本季已办理停暖，只收 ${STOPPED_FEE_PERCENT}% 基本热费`
  }
  const credit =
    state.creditedFen > 0 ? `。已扣减上一采暖季室温不达标补偿 ${yuan(state.creditedFen)}` : ''
  return `${season.year}-${season.year + 1} 采暖季（${span}），${basis}${note}${credit}。`
}

/**
 * A 室温不达标 credit on the next season's bill: `amountFen` (≤ 0) is what this bill is reduced
 * by, `keptFen` what its charges could not absorb and was kept as prepayment.
 */
export function compensationLine(
  complaint: ComplaintRecord,
  areaDm2: number,
  compensation: Compensation,
  amountFen: number,
  keptFen: number,
): BillLine {
  const season = heatingSeason(complaint.seasonYear)
  const price = HEATING_PRICE_FEN_PER_M2
  const kept = keptFen > 0 ? `，其中 ${yuan(keptFen)} 超出本期费用，转入预存` : ''
  return {
    type: 'heating_compensation',
    complaintId: complaint.complaintId,
    fromDate: isoDate(compensation.fromDay),
    toDate: isoDate(compensation.toDay),
    areaDm2,
    priceFenPerM2: price,
    seasonDays: season.days,
    days: compensation.days,
    percent: compensation.percent,
    compensationFen: compensation.amountFen,
    amountFen,
    explanation:
      `室温不达标补偿（${isoDate(compensation.fromDay)} 至 ${isoDate(compensation.toDay)}）：` +
      `${dm2ToM2String(areaDm2)} m² × ${fenToYuanString(price)} 元/m² ÷ ${season.days} 天 × ` +
      `${compensation.days} 天 × ${compensation.percent}% = ${yuan(compensation.amountFen)}${kept}`,
  }
}
