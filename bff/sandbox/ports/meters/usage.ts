import type { CustomerAccount } from '../../../contracts/customers'
import { Random, hashSeed, hashString } from '../../random'
import { dayOfDate, monthIndexOf, monthStartDay, ymdOf } from './days'

/**
 * How much gas a household burns, day by day. What it burns depends on what it runs on gas:
 * a cooker only (hot water from an electric heater), a cooker and a gas water heater, or a wall
 * boiler (壁挂炉) that also heats the home from 15 November to 15 March (urban flats without
 * district heating, rural 煤改气 villages). Cooking and hot water follow the season (colder
 * water, more hot meals in winter). Every day's volume comes from (account, day) alone, so any
 * month can be rebuilt on demand and the same seed always gives the same readings.
 */

/** Personas keep their usage whatever the sandbox seed, like their account numbers. */
const PERSONA_SEED = 0x5eed_2026

export type Household = 'cooking' | 'water_heater' | 'wall_boiler'

export interface UsageProfile {
  readonly key: number
  readonly household: Household
  /** Yearly average of cooking and hot water, dm³ a day. */
  readonly baseDm3PerDay: number
  /** Average heating load over the heating season, dm³ a day; 0 without a wall boiler. */
  readonly heatingDm3PerDay: number
  /** Register when the history starts; 0 for a meter installed inside the window. */
  readonly startRegisterDm3: number
  /** Day the account's meter was installed. */
  readonly openedDay: number
}

/**
 * Yearly average use of cooking and hot water (dm³ a day) by household, and the heating a wall
 * boiler adds over the season. A family cooking three meals burns about 0.6–1 m³ a day; a gas
 * water heater for showers adds about as much again; heating a flat or a village house with a
 * wall boiler takes 5–10 m³ a day more in the heating season.
 */
export const householdRanges: Record<
  Household,
  { readonly base: readonly [number, number]; readonly heating: readonly [number, number] }
> = {
  cooking: { base: [600, 1_000], heating: [0, 0] },
  water_heater: { base: [1_200, 2_600], heating: [0, 0] },
  wall_boiler: { base: [1_200, 2_600], heating: [5_200, 9_000] },
}

/** Somebody living alone cooks and showers less: this share of a family's use. */
const ALONE_SHARE = 0.5

// Cooking and hot water by month (January first), relative to the yearly average (mean 1).
const seasonal = [1.32, 1.27, 1.12, 0.97, 0.86, 0.76, 0.71, 0.71, 0.81, 0.97, 1.17, 1.33]
// Heating load by month, relative to the season's average; outside 15 Nov – 15 Mar it is zero.
const heatingByMonth = [1.22, 0.98, 0.6, 0, 0, 0, 0, 0, 0, 0, 0.68, 1.17]

interface PersonaUsage {
  readonly household: Household
  readonly baseDm3PerDay: number
  readonly heatingDm3PerDay?: number
}

/** The personas' homes, chosen for the stories they tell. */
const personaUsage: Record<string, PersonaUsage> = {
  // A family of three with a gas water heater: in winter ¥50 lasts days, not weeks.
  '1000000001': { household: 'water_heater', baseDm3PerDay: 1_900 },
  // An older flat: gas for the cooker, hot water from an electric heater.
  '1000000002': { household: 'cooking', baseDm3PerDay: 850 },
  // 张伟: showers on gas; his October bill crosses from the first tier into the second.
  '1000000003': { household: 'water_heater', baseDm3PerDay: 1_250 },
  // 陈静's overdue summer bills stay within the first tier.
  '1000000005': { household: 'water_heater', baseDm3PerDay: 1_200 },
  '1000000006': { household: 'water_heater', baseDm3PerDay: 1_400 },
  // 孙桂兰 lives alone and cooks small meals.
  '1000000007': { household: 'cooking', baseDm3PerDay: 420 },
  // The parents' flat has district heating (1000000009): gas for cooking and showers only.
  '1000000008': { household: 'water_heater', baseDm3PerDay: 1_250 },
  // 周明's newer flat heats with a 壁挂炉: his winter bills climb into the second and third tiers.
  '1000000010': { household: 'wall_boiler', baseDm3PerDay: 1_800, heatingDm3PerDay: 6_500 },
  // 煤改气: a village house heated by a wall boiler all winter.
  '1000000011': { household: 'wall_boiler', baseDm3PerDay: 1_800, heatingDm3PerDay: 8_500 },
}

export function isPersona(accountNo: string): boolean {
  return accountNo.startsWith('10000000')
}

/** A PRNG for one purpose of one account: personas ignore the seed, generated accounts use it. */
export function accountRandom(seed: number, accountNo: string, purpose: string): Random {
  const base = isPersona(accountNo) ? PERSONA_SEED : seed
  return new Random(hashSeed(base, hashString(accountNo), hashString(purpose)))
}

function openedDayOf(account: CustomerAccount): number {
  const [y, m, d] = account.openedAt.slice(0, 10).split('-').map(Number)
  return dayOfDate(y ?? 2000, m ?? 1, d ?? 1)
}

/** Nine in ten 煤改气 homes heat with gas; in town, flats off the heat network do. */
function householdOf(random: Random, rural: boolean): Household {
  const roll = random.next()
  if (rural) return roll < 0.9 ? 'wall_boiler' : 'water_heater'
  if (roll < 0.12) return 'wall_boiler'
  return roll < 0.7 ? 'water_heater' : 'cooking'
}

export function usageProfile(seed: number, account: CustomerAccount): UsageProfile {
  const random = accountRandom(seed, account.accountNo, 'usage')
  const rural = account.address.building === null
  const alone = account.careTags.includes('living_alone')
  const household = householdOf(random, rural)
  const range = householdRanges[household]
  const base = random.int(range.base[0], range.base[1])
  const heating = random.int(range.heating[0], range.heating[1])
  const persona = personaUsage[account.accountNo]
  return {
    key: hashSeed(
      isPersona(account.accountNo) ? PERSONA_SEED : seed,
      hashString(account.accountNo),
    ),
    household: persona?.household ?? household,
    baseDm3PerDay: persona?.baseDm3PerDay ?? Math.round(alone ? base * ALONE_SHARE : base),
    heatingDm3PerDay: persona ? (persona.heatingDm3PerDay ?? 0) : heating,
    startRegisterDm3: random.int(400, 9000) * 1000 + random.int(0, 999),
    openedDay: openedDayOf(account),
  }
}

function inHeatingSeason(month: number, date: number): boolean {
  if (month === 11) return date >= 15
  if (month === 3) return date <= 15
  return month === 12 || month <= 2
}

/** Volume used on `day`, dm³. */
export function dailyUsageDm3(profile: UsageProfile, day: number): number {
  if (day < profile.openedDay) return 0
  const { month, date } = ymdOf(day)
  const random = new Random(hashSeed(profile.key, day))
  // Some days nobody cooks at home; the other days vary around an average a little above the
  // household's, so that the year still averages its figure.
  const cooking = random.chance(0.06) ? 0.2 : 0.8 + random.next() * 0.5
  let volume = profile.baseDm3PerDay * (seasonal[month - 1] ?? 1) * cooking
  if (profile.heatingDm3PerDay > 0 && inHeatingSeason(month, date)) {
    volume +=
      profile.heatingDm3PerDay * (heatingByMonth[month - 1] ?? 0) * (0.8 + random.next() * 0.4)
  }
  return Math.round(volume)
}

/** Volume of the days `[fromDay, toDay)`. */
export function usageBetween(profile: UsageProfile, fromDay: number, toDay: number): number {
  let total = 0
  for (let day = fromDay; day < toDay; day++) total += dailyUsageDm3(profile, day)
  return total
}

/**
 * The window of history the seed describes: the 24 months before the anchor's month, cut at the
 * month the meter was installed.
 */
export function historyStartMonth(profile: UsageProfile, anchorDay: number): number {
  return Math.max(monthIndexOf(anchorDay) - 24, monthIndexOf(profile.openedDay) + 1)
}

/** Register at the start of `day` (any day from the history start on), ignoring the valve. */
export function registerAt(profile: UsageProfile, anchorDay: number, day: number): number {
  const start = monthStartDay(historyStartMonth(profile, anchorDay))
  const installedInWindow = monthIndexOf(profile.openedDay) + 1 > monthIndexOf(anchorDay) - 24
  const startRegister = installedInWindow
    ? usageBetween(profile, profile.openedDay, start)
    : profile.startRegisterDm3
  return startRegister + usageBetween(profile, start, Math.max(start, day))
}
