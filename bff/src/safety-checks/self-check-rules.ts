import type { SafetyItem, SelfCheck, SelfCheckAnswers } from '@gh/shared'
import type { RecordedAppliance } from '../upstream/workorders/inspections-port'

type Risk = SelfCheck['risks'][number]
type ServiceLife = SelfCheck['serviceLife'][number]

/**
 * Service lives, in months, as residents are told them. Appliances follow the 判废年限 of
 * GB 17905-2008 (家用燃气燃烧器具安全管理规则: natural-gas water heaters 8 years); a metal
 * (stainless corrugated) hose lasts as long as the appliance it feeds (GB 55009-2021 燃气工程
 * 项目规范 asks no shorter, 8 years in practice); rubber hoses are replaced every 18 months, as
 * the utilities' safe-use rules say (they harden and crack); a home gas alarm's sensor is
 * good for 5 years (CJ/T 347-2010 家用燃气报警器及传感器).
 */
export const SERVICE_LIFE_MONTHS = {
  rubberHose: 18,
  metalHose: 8 * 12,
  alarm: 5 * 12,
  waterHeater: 8 * 12,
} as const

const lifeLabel = (months: number): string =>
  months % 12 === 0 ? `${months / 12}年` : `${months}个月`

/** YYYY-MM(-DD) plus whole months, as YYYY-MM-DD (a month's start when no day is given). */
export function addMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number | undefined]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(d ?? 1).padStart(2, '0')}`
}

export interface DueItem {
  item: SafetyItem
  label: string
  lifeLabel: string
  dueOn: string
}

/** When each hose, alarm and water heater the answers and the records know of reaches its life. */
export function dueItems(
  answers: SelfCheckAnswers | null,
  appliances: readonly RecordedAppliance[],
): DueItem[] {
  const out: DueItem[] = []
  const add = (item: SafetyItem, label: string, from: string, months: number) =>
    out.push({ item, label, lifeLabel: lifeLabel(months), dueOn: addMonths(from, months) })
  const hose = answers?.hose
  if (hose?.installedOn && hose.type === 'rubber') {
    add('hose', '橡胶软管', hose.installedOn, SERVICE_LIFE_MONTHS.rubberHose)
  }
  if (hose?.installedOn && hose.type === 'metal') {
    add('hose', '金属波纹管', hose.installedOn, SERVICE_LIFE_MONTHS.metalHose)
  }
  const alarm = answers?.alarm
  if (alarm?.present && alarm.installedOn) {
    add('alarm', '燃气报警器', alarm.installedOn, SERVICE_LIFE_MONTHS.alarm)
  }
  for (const a of appliances) {
    if (a.kind === 'water_heater') {
      add('water_heater', '燃气热水器', a.installedOn, SERVICE_LIFE_MONTHS.waterHeater)
    }
  }
  return out
}

export function serviceLifeOf(due: readonly DueItem[], today: string): ServiceLife[] {
  return due.map(({ item, label, dueOn }) => ({ item, label, dueOn, due: dueOn <= today }))
}

const WHY = {
  noAlarm:
    '燃气泄漏时没有报警，人在睡觉或不在厨房时很难发现。建议在厨房安装燃气报警器，最好能联动自动关阀。',
  alarmBroken: '报警器坏了，漏气时不会响。请按一下自检按钮，不亮不响就要维修或更换。',
  alarmOld: '报警器的传感器一般只能用5年，过期后会变得不灵敏，漏气时可能不报警。请更换新的报警器。',
  rubberOld:
    '橡胶软管用久了会老化、变硬、开裂，超过18个月就容易漏气，还常被老鼠咬破。请更换为金属波纹管。',
  rubber: '橡胶软管容易老化开裂、被老鼠咬破，是漏气的常见原因。建议尽早更换为金属波纹管。',
  metalOld: '金属波纹管已超过8年使用年限，接口和管身可能锈蚀，请更换。',
  hoseUnknown: '软管是漏气最多的地方。不清楚是哪种软管时，可以预约安检员上门帮您看。',
  noFlameFailure:
    '没有熄火保护，汤水溢出或风把火吹灭后，燃气会一直漏出来，容易引起中毒或爆炸。建议更换带熄火保护的灶具。',
  flameFailureUnknown: '熄火保护能在火灭后自动关气。不确定有没有时，可以预约安检员上门帮您确认。',
  noFlue:
    '热水器没有烟道，燃烧产生的一氧化碳会留在室内，可能中毒。必须装烟道通到室外，不能用直排式热水器。',
  flueUnknown: '热水器排烟不畅会让一氧化碳留在屋里。不清楚怎么排烟时，可以预约安检员上门查看。',
  heaterOld: '热水器超过8年判废年限后，部件老化，容易漏气或排烟不畅，请尽快更换。',
} as const

/** What the answers say is risky, each with why it matters and what to do. */
export function risksOf(
  answers: SelfCheckAnswers | null,
  serviceLife: readonly ServiceLife[],
): Risk[] {
  if (!answers) return []
  const risks: Risk[] = []
  const overdue = (item: SafetyItem) => serviceLife.some((s) => s.item === item && s.due)
  const { alarm, hose, stove, waterHeater } = answers
  if (!alarm.present) risks.push({ item: 'alarm', title: '没有安装燃气报警器', why: WHY.noAlarm })
  else if (alarm.working === 'no' || alarm.working === 'unknown') {
    risks.push({ item: 'alarm', title: '燃气报警器可能不工作', why: WHY.alarmBroken })
  } else if (overdue('alarm')) {
    risks.push({ item: 'alarm', title: '燃气报警器已超过5年', why: WHY.alarmOld })
  }
  if (hose.type === 'rubber') {
    const old = !hose.installedOn || overdue('hose')
    risks.push(
      old
        ? { item: 'hose', title: '橡胶软管已超过18个月或不清楚安装时间', why: WHY.rubberOld }
        : { item: 'hose', title: '正在使用橡胶软管', why: WHY.rubber },
    )
  } else if (hose.type === 'metal' && overdue('hose')) {
    risks.push({ item: 'hose', title: '金属波纹管已超过8年', why: WHY.metalOld })
  } else if (hose.type === 'unknown') {
    risks.push({ item: 'hose', title: '不清楚软管类型', why: WHY.hoseUnknown })
  }
  if (stove?.flameFailure === 'no') {
    risks.push({ item: 'stove', title: '灶具没有熄火保护', why: WHY.noFlameFailure })
  } else if (stove?.flameFailure === 'unknown') {
    risks.push({ item: 'stove', title: '不确定灶具有没有熄火保护', why: WHY.flameFailureUnknown })
  }
  if (waterHeater?.venting === 'none') {
    risks.push({ item: 'water_heater', title: '热水器没有烟道', why: WHY.noFlue })
  } else if (waterHeater?.venting === 'unknown') {
    risks.push({ item: 'water_heater', title: '不清楚热水器怎么排烟', why: WHY.flueUnknown })
  }
  if (overdue('water_heater')) {
    risks.push({ item: 'water_heater', title: '热水器已超过8年使用年限', why: WHY.heaterOld })
  }
  return risks
}
