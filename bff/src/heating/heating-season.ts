import type { HomeHeating } from '@gh/shared'
import type { BillingSummary } from '../upstream/billing/billing-port'
import { localDate } from './heating-words'

/**
 * The season on the home page, from the billing summary the page reads anyway: dates, whether
 * today is in it and whether the home is heated, by billing's clock (`asOf`), which is the one
 * its season and 报停 follow. Null for an account without district heating.
 */
export function heatingSeasonOf(summary: BillingSummary | null): HomeHeating | null {
  const heating = summary?.heating
  if (!summary || !heating) return null
  const today = localDate(summary.asOf)
  const { startsOn, endsOn } = heating.season
  return {
    seasonStartsOn: startsOn,
    seasonEndsOn: endsOn,
    inSeason: startsOn <= today && today <= endsOn,
    heatedThisSeason: heating.supply === 'supplied',
    seasonFeeFen: heating.seasonFeeFen,
  }
}
