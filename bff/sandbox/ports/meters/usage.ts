import type { CustomerAccount } from '../../../contracts/customers'
import { Random, hashSeed, hashString } from '../../random'
import { dayOfDate, monthIndexOf, monthStartDay, ymdOf } from './days'

/**
 * How much gas a household burns, day by day. Cooking and hot water follow the season (more in
 * winter: colder water, more hot meals); homes heated by gas (壁挂炉, rural 煤改气) add a heating
 * load from 15 November to 15 March. Every day's volume comes from (account, day) alone, so any
 * month can be rebuilt on demand and the same seed always gives the same readings.
 */

/** Personas keep their usage whatever the sandbox seed, like their account numbers. */
const PERSONA_SEED = 0x5eed_2026

export interface UsageProfile {
  readonly key: number
  /** Average cooking and hot water use, dm³ a day. */
  readonly baseDm3PerDay: number
  /** Average heating use on a mid-winter day, dm³; 0 without gas heating. */
  readonly heatingDm3PerDay: number
  /** Register when the history starts; 0 for a meter installed inside the window. */
  readonly startRegisterDm3: number
  /** Day the account's meter was installed. */
  readonly openedDay: number
}

// Cooking and hot water by month (January first), relative to the yearly average.
const seasonal = [1.3, 1.25, 1.1, 0.95, 0.85, 0.75, 0.7, 0.7, 0.8, 0.95, 1.15, 1.3]
// Heating load by month; outside 15 Nov – 15 Mar it is zero.
const heatingByMonth = [1.25, 1.0, 0.6, 0, 0, 0, 0, 0, 0, 0, 0.7, 1.2]

const personaOverrides: Record<
  string,
  Partial<Pick<UsageProfile, 'baseDm3PerDay' | 'heatingDm3PerDay'>>
> = {
  // 张伟 heats with a 壁挂炉, so his winter bills climb into the second and third tiers.
  '1000000003': { baseDm3PerDay: 520, heatingDm3PerDay: 2800 },
  '1000000005': { baseDm3PerDay: 480, heatingDm3PerDay: 0 },
  '1000000007': { baseDm3PerDay: 210, heatingDm3PerDay: 0 },
  '1000000011': { baseDm3PerDay: 600, heatingDm3PerDay: 7500 },
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

export function usageProfile(seed: number, account: CustomerAccount): UsageProfile {
  const random = accountRandom(seed, account.accountNo, 'usage')
  const rural = account.address.building === null
  const alone = account.careTags.includes('living_alone')
  const base = alone ? random.int(150, 300) : random.int(260, 700)
  const heated = rural ? random.chance(0.9) : random.chance(0.12)
  const heating = heated ? random.int(rural ? 4000 : 2800, rural ? 9000 : 6000) : 0
  const override = personaOverrides[account.accountNo] ?? {}
  return {
    key: hashSeed(
      isPersona(account.accountNo) ? PERSONA_SEED : seed,
      hashString(account.accountNo),
    ),
    baseDm3PerDay: override.baseDm3PerDay ?? base,
    heatingDm3PerDay: override.heatingDm3PerDay ?? heating,
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
  // Some days nobody cooks at home; most days vary around the average.
  const cooking = random.chance(0.06) ? 0.2 : 0.75 + random.next() * 0.5
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
