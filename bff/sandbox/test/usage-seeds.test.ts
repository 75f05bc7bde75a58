import { ReadingList } from '../../contracts/meters'
import type { CustomerAccount } from '../../contracts/customers'
import { dayOfDate } from '../ports/meters/days'
import {
  dailyUsageDm3,
  usageProfile,
  type Household,
  type UsageProfile,
} from '../ports/meters/usage'
import { generateAccount } from '../seed/generate'
import { personas } from '../seed/personas'
import { closeAll } from './helpers'
import { startFixed } from './meters-fixtures'

afterEach(closeAll)

/*
 * The seeded households burn what real ones do: a family's cooker and hot water 1–3 m³ a day
 * (a cooker alone somewhat under 1), a wall boiler 5–10 m³ a day more through the heating season.
 * Checked on the personas and on a few hundred generated households, by what each one runs on gas.
 */

const SEED = 20_261_126
const gasAccounts: CustomerAccount[] = [
  ...personas.map((p) => p.account),
  ...Array.from({ length: 600 }, (_, i) => generateAccount(SEED, i)),
].filter((a) => a.meterNo !== null && a.openedAt < '2024-01-01')

const profiles = gasAccounts.map((account) => ({ account, profile: usageProfile(SEED, account) }))
const families = profiles.filter(({ account }) => !account.careTags.includes('living_alone'))

/** Average m³ a day over [from, to) (days since the epoch). */
function averageM3(profile: UsageProfile, from: number, to: number): number {
  let total = 0
  for (let day = from; day < to; day++) total += dailyUsageDm3(profile, day)
  return total / (to - from) / 1000
}

const year2025 = [dayOfDate(2025, 1, 1), dayOfDate(2026, 1, 1)] as const
const season2025 = [dayOfDate(2025, 11, 15), dayOfDate(2026, 3, 16)] as const
const january2026 = [dayOfDate(2026, 1, 1), dayOfDate(2026, 2, 1)] as const

const ofKind = (household: Household) =>
  families.filter(({ profile }) => profile.household === household)

describe('sandbox usage seeds', () => {
  it('when households are seeded, then every kind of household is there, personas included', () => {
    for (const household of ['cooking', 'water_heater', 'wall_boiler'] as const) {
      expect(ofKind(household).length).toBeGreaterThan(10)
    }
    const personaKinds = new Set(
      profiles.filter(({ account }) => account.accountNo.startsWith('10000000')),
    )
    expect(new Set([...personaKinds].map(({ profile }) => profile.household)).size).toBe(3)
  })

  it('when a family cooks and heats water with gas, then it burns 1–3 m³ a day over a year, and a cooker alone under about 1 m³', () => {
    const outside: string[] = []
    for (const { account, profile } of [...ofKind('water_heater'), ...ofKind('wall_boiler')]) {
      const average = averageM3({ ...profile, heatingDm3PerDay: 0 }, ...year2025)
      if (average < 1 || average > 3) outside.push(`${account.accountNo}: ${average} m³`)
    }
    for (const { account, profile } of ofKind('cooking')) {
      const average = averageM3(profile, ...year2025)
      if (average < 0.5 || average > 1.1) outside.push(`${account.accountNo}: ${average} m³`)
    }
    expect(outside).toEqual([])
  })

  it('when a home has a wall boiler, then heating adds 5–10 m³ a day over the heating season', () => {
    const outside: string[] = []
    for (const { account, profile } of ofKind('wall_boiler')) {
      const withHeating = averageM3(profile, ...season2025)
      const heating = withHeating - averageM3({ ...profile, heatingDm3PerDay: 0 }, ...season2025)
      if (heating < 5 || heating > 10) outside.push(`${account.accountNo}: ${heating} m³`)
    }
    expect(outside).toEqual([])
  })

  it('when it is January, then every wall-boiler home burns more than any home without one', () => {
    const january = (household: Household) =>
      ofKind(household).map(({ profile }) => averageM3(profile, ...january2026))
    const boilers = january('wall_boiler')
    const others = [...january('water_heater'), ...january('cooking')]
    expect(Math.min(...boilers)).toBeGreaterThan(Math.max(...others))
  })

  it("when the meter platform lists a family's readings, then December averages 1–3 m³ a day and the 煤改气 home's January more than 5", async () => {
    const { http } = await startFixed()
    const monthly = async (meterNo: string) => {
      const res = await http.get(`/meters/v1/meters/${meterNo}/readings`).expect(200)
      return ReadingList.parse(res.body).readings
    }
    const perDay = (readings: Awaited<ReturnType<typeof monthly>>, readAt: string, days: number) =>
      (readings.find((r) => r.readAt.startsWith(readAt))?.usageDm3 ?? 0) / days / 1000
    // A reading on the 1st holds the month before it.
    const december = perDay(await monthly('NB2199000001'), '2026-01-01', 31)
    expect(december).toBeGreaterThanOrEqual(1)
    expect(december).toBeLessThanOrEqual(3)
    expect(perDay(await monthly('IC3399000011'), '2026-02-01', 31)).toBeGreaterThan(5)
  })
})
