import { percentFor, ruleView } from '../src/heating/complaint-view'
import { heatingSeasonOf } from '../src/heating/heating-season'
import { tempText } from '../src/heating/heating-words'

/** The published 室温 rule as the BFF applies it to a reading, at the edges of its bands. */
const rule = {
  standardTenths: 180,
  bands: [
    { belowTenths: 180, dailyFeePercent: 50 },
    { belowTenths: 160, dailyFeePercent: 100 },
  ],
  fixWithinDays: 3,
  areaDm2: 9856,
  priceFenPerM2: 2280,
  seasonDays: 121,
  dailyFeeFen: 1857,
}

test('when a reading sits on a band edge, then 18.0 ℃ earns nothing, 17.9 and 16.0 ℃ half the daily fee, 15.9 ℃ all of it', () => {
  expect([180, 179, 160, 159].map((t) => percentFor(rule, t))).toEqual([0, 50, 50, 100])
})

test('when the rule is shown, then each band says its range, its share and this home’s amount a day', () => {
  expect(ruleView(rule).bands.map((b) => b.text)).toEqual([
    '低于18℃、不低于16℃：每天补偿日热费的 50%（9.29 元）',
    '低于16℃：每天补偿日热费的 100%（18.57 元）',
  ])
})

test('when a temperature is written, then tenths show only when there are some', () => {
  expect([180, 165, 5].map(tempText)).toEqual(['18℃', '16.5℃', '0.5℃'])
})

test('when the home page asks for the season, then it is read on billing’s clock, not the server’s', () => {
  const summary = {
    status: 'active' as const,
    asOf: '2026-11-14T23:59:59+08:00',
    balanceFen: 0,
    amountDueFen: 0,
    arrearsFen: 0,
    lateFeeFen: 0,
    unpaidBillCount: 0,
    overdueBillCount: 0,
    heating: {
      areaDm2: 9856,
      priceFenPerM2: 2280,
      season: { startsOn: '2026-11-15', endsOn: '2027-03-15' },
      supply: 'stopped' as const,
      seasonFeeFen: 67415,
    },
  }
  expect(heatingSeasonOf(summary)).toEqual({
    seasonStartsOn: '2026-11-15',
    seasonEndsOn: '2027-03-15',
    inSeason: false,
    heatedThisSeason: false,
    seasonFeeFen: 67415,
  })
  expect(heatingSeasonOf({ ...summary, asOf: '2026-11-15T00:00:00+08:00' })?.inSeason).toBe(true)
  expect(heatingSeasonOf({ ...summary, heating: null })).toBeNull()
})
