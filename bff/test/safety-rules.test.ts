import { dueItems, risksOf, serviceLifeOf } from '../src/safety-checks/self-check-rules'

/** Service lives and risks of 安全自查 answers, on dates rather than today. */

const answers = {
  alarm: { present: true, working: 'yes' as const, installedOn: '2021-12' },
  hose: { type: 'metal' as const, installedOn: '2018-12' },
  stove: { flameFailure: 'yes' as const },
  waterHeater: { venting: 'forced' as const },
}
const heater = [{ kind: 'water_heater' as const, model: '热水器', installedOn: '2018-12-20' }]

test('when a metal hose, an alarm and a water heater reach 8, 5 and 8 years, then each is due on its day and says why', () => {
  const due = dueItems(answers, heater)
  expect(due.map((d) => [d.label, d.dueOn])).toEqual([
    ['金属波纹管', '2026-12-01'],
    ['燃气报警器', '2026-12-01'],
    ['燃气热水器', '2026-12-20'],
  ])
  const before = serviceLifeOf(due, '2026-11-30')
  expect(before.every((s) => !s.due)).toBe(true)
  expect(risksOf(answers, before)).toEqual([])
  const after = serviceLifeOf(due, '2026-12-20')
  expect(risksOf(answers, after).map((r) => r.title)).toEqual([
    '燃气报警器已超过5年',
    '金属波纹管已超过8年',
    '热水器已超过8年使用年限',
  ])
})

test('when a rubber hose went in, then it is due 18 months later, across a year end', () => {
  const [hose] = dueItems({ ...answers, hose: { type: 'rubber', installedOn: '2025-07' } }, [])
  expect(hose).toMatchObject({ label: '橡胶软管', lifeLabel: '18个月', dueOn: '2027-01-01' })
})

test('when the heater has no flue, then the risk says carbon monoxide stays indoors', () => {
  const risks = risksOf({ ...answers, waterHeater: { venting: 'none' } }, [])
  expect(risks).toEqual([
    expect.objectContaining({ title: '热水器没有烟道', why: expect.stringContaining('一氧化碳') }),
  ])
})
