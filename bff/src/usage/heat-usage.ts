import { dm2ToM2String, formatFen, heatingSeasonFeeFen, type MeteredHeatingUsage } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { BillingHeating, BillingHeatMetering } from '../upstream/billing/billing-port'
import { monthStartMs, type MeterSeries } from './meter-series'
import { usageMonths } from './usage-months'

/** GJ to two decimals from MJ, e.g. 3456 MJ → '3.46'. */
export const gjText = (mj: number, decimals = 2): string =>
  (Math.round(mj / 10 ** (3 - decimals)) / 10 ** decimals).toFixed(decimals)

/** 计量热费 of `mj` at `priceFenPerGj`, rounded half up once. */
export const meteredFeeFen = (mj: number, priceFenPerGj: number): number =>
  Math.round((mj * priceFenPerGj) / 1000)

/** 基本热价 of a season: the share of the area price, as billing charges it. */
export const basicFeeFen = (heating: BillingHeating, metering: BillingHeatMetering): number =>
  heatingSeasonFeeFen(heating.areaDm2, heating.priceFenPerM2, {
    seasonDays: 1,
    heatedDays: 0,
    stoppedFeePercent: metering.basicPercent,
  })

/**
 * The heat meter's months as a register series (MJ) with a point at each month start and one at
 * the latest reading, so the gas months' arithmetic measures heat the same way.
 */
function heatSeries(metering: BillingHeatMetering): MeterSeries {
  const [first] = metering.months
  if (!first) return []
  const [y, m] = first.month.split('-').map(Number)
  const firstIndex = (y ?? 0) * 12 + (m ?? 1) - 1
  const readAtMs = Date.parse(metering.readAt)
  const points = [{ atMs: monthStartMs(firstIndex), registerMj: 0 }]
  let register = 0
  metering.months.forEach((month, i) => {
    register += month.heatMj
    const end = Math.min(monthStartMs(firstIndex + i + 1), readAtMs)
    const last = points.at(-1)
    if (last && end > last.atMs) points.push({ atMs: end, registerMj: register })
  })
  return points.map((p) => ({ atMs: p.atMs, registerDm3: p.registerMj }))
}

/** 用量 of a 热计量 home: heat by month in GJ beside the year before, and the fee so far. */
export function meteredHeatingUsage(
  accountNo: string,
  heating: BillingHeating,
  metering: BillingHeatMetering,
  months: number,
): MeteredHeatingUsage {
  const table = usageMonths(heatSeries(metering), months)
  const basic = basicFeeFen(heating, metering)
  const soFar = meteredFeeFen(metering.seasonHeatMj, metering.priceFenPerGj)
  const heated = heating.supply === 'supplied'
  const current = table.at(-1)
  const parts = [
    `供暖费按热计量收取：基本热价（建筑面积 ${dm2ToM2String(heating.areaDm2)} m² 的面积热费 × ` +
      `${metering.basicPercent}%）${formatFen(basic)}，另加计量热价每吉焦 ` +
      `${formatFen(metering.priceFenPerGj)}`,
  ]
  if (current?.usageDm3 != null && current.usageDm3 > 0) {
    parts.push(
      `${current.label}${current.complete ? '' : '至今'}用热 ${gjText(current.usageDm3)} GJ`,
    )
  }
  parts.push(
    `本采暖季${heated ? '' : '已报停，'}至今用热 ${gjText(metering.seasonHeatMj)} GJ，` +
      `计量热费约 ${formatFen(soFar)}`,
  )
  return {
    kind: 'heating_metered',
    accountNo,
    unit: 'GJ',
    readAt: toShanghaiIso(new Date(metering.readAt)),
    months: table,
    season: heating.season,
    heatedThisSeason: heated,
    seasonHeatMj: metering.seasonHeatMj,
    areaDm2: heating.areaDm2,
    basicPercent: metering.basicPercent,
    basicFeeFen: basic,
    priceFenPerGj: metering.priceFenPerGj,
    meteredFeeSoFarFen: soFar,
    summary: `${parts.join('；')}。`,
  }
}
