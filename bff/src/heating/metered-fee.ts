import type { HeatingFeeStatus, HeatingSeason } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { BillingHeating, BillingHeatMetering } from '../upstream/billing/billing-port'
import { basicFeeFen, gjText, meteredFeeFen } from '../usage/heat-usage'
import { areaPrice, monthDay, yuan } from './heating-words'

/**
 * 热计量: the season's fee is 基本热价 (a share of the area price, billed before the season) plus
 * 计量热价 × the GJ the heat meter counts. The season bill carries the basic part; the metered
 * part grows with the heat drawn, shown so far.
 */
export function meteredFeeOf(
  fee: HeatingFeeStatus,
  heating: BillingHeating,
  metering: BillingHeatMetering,
): HeatingFeeStatus {
  const basic = basicFeeFen(heating, metering)
  const soFar = meteredFeeFen(metering.seasonHeatMj, metering.priceFenPerGj)
  return {
    ...fee,
    basis: 'metered',
    formula:
      `基本热价 ${areaPrice(heating.areaDm2, heating.priceFenPerM2)} × ${metering.basicPercent}% ` +
      `= ${yuan(basic)}；计量热价 ${gjText(metering.seasonHeatMj)} GJ × ` +
      `${yuan(metering.priceFenPerGj)}/GJ = ${yuan(soFar)}（本季至今）`,
    metered: {
      basicPercent: metering.basicPercent,
      basicFeeFen: basic,
      priceFenPerGj: metering.priceFenPerGj,
      seasonHeatMj: metering.seasonHeatMj,
      meteredFeeSoFarFen: soFar,
      readAt: toShanghaiIso(new Date(metering.readAt)),
    },
  }
}

export function meteredFeeRule(
  heating: BillingHeating,
  metering: BillingHeatMetering,
  season: HeatingSeason,
): string {
  return (
    `您家装有热量表，按热计量收费：热费 = 基本热价 + 计量热价 × 用热量（吉焦，GJ）。` +
    `基本热价为面积热费的 ${metering.basicPercent}%（${areaPrice(heating.areaDm2, heating.priceFenPerM2)}` +
    ` × ${metering.basicPercent}% = ${yuan(basicFeeFen(heating, metering))}），采暖季前出账；` +
    `计量热价每 GJ ${yuan(metering.priceFenPerGj)}，按热量表读数计收。采暖季为每年` +
    `${monthDay(season.startsOn)}至次年${monthDay(season.endsOn)}（本季 ${season.days} 天），` +
    `本季至今用热 ${gjText(metering.seasonHeatMj)} GJ。`
  )
}
