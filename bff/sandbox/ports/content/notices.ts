import { Random, hashSeed, hashString } from '../../random'
import { districts, type District } from '../../seed/places'
import { DAY_MS, dayStartMs, ymdOf } from '../meters/days'

/**
 * Supply-stop notices (停气 / 停暖) by service area, seeded around the anchor day: some ended,
 * some under way, most announced for the coming days. Two areas always have one, so the
 * personas who live there see a notice whatever the seed.
 */

export interface NoticeRecord {
  readonly noticeId: string
  readonly areaCode: string
  readonly kind: 'gas' | 'heating'
  readonly title: string
  readonly reason: string
  readonly scope: string
  readonly startsAtMs: number
  readonly endsAtMs: number
  readonly issuedAtMs: number
  readonly advice: readonly string[]
}

const HOUR_MS = 3_600_000

const gasReasons = ['燃气管网改造施工', '调压站设备检修', '庭院管线碰口作业', '老旧管道更新改造']
const heatingReasons = ['换热站设备检修', '一级管网抢修', '供热管道碰口施工']

const gasAdvice = [
  '停气前请关闭灶前阀门和表前阀门，停气期间不要打开燃气灶具。',
  '恢复供气后，先开窗通风，再打开阀门点火；点不着或有异味，请联系燃气公司，不要反复打火。',
  'IC卡表和物联网表用户，恢复供气后如阀门未打开，请按表上的按键或联系客服。',
]
const heatingAdvice = [
  '停暖期间室温会下降，请老人和孩子注意保暖，不要使用明火或无烟道的燃气取暖器。',
  '恢复供热后，暖气片如有上凉下热，可打开排气阀排气。',
]

/** The 小区 (or villages) of an area, as a notice names them. */
function scopeOf(district: District, zone: number): string {
  if (zone >= 4) {
    const villages = district.villages.filter((_, i) => i % 3 === zone - 4)
    return villages.map((v) => `${v.township}${v.name}`).join('、')
  }
  const communities = district.communities.filter((_, i) => i % 3 === zone - 1)
  return communities.map((c) => c.name).join('、')
}

export function areaCodes(): string[] {
  const codes: string[] = []
  for (const district of districts) {
    for (let zone = 1; zone <= 6; zone++) {
      if (scopeOf(district, zone) !== '') codes.push(`${district.code}0${zone}`)
    }
  }
  return codes
}

interface Draft {
  kind: NoticeRecord['kind']
  startDay: number
  startHour: number
  hours: number
}

function notice(seed: number, areaCode: string, index: number, draft: Draft): NoticeRecord {
  const district = districts.find((d) => d.code === areaCode.slice(0, 6))
  const zone = Number(areaCode.slice(6))
  const random = new Random(hashSeed(seed, hashString(areaCode), index))
  const gas = draft.kind === 'gas'
  const reason = random.pick(gas ? gasReasons : heatingReasons)
  const scope = district ? scopeOf(district, zone) : ''
  const startsAtMs = dayStartMs(draft.startDay) + draft.startHour * HOUR_MS
  return {
    noticeId: `N${areaCode}${String(index).padStart(2, '0')}`,
    areaCode,
    kind: draft.kind,
    title: `关于${district?.name ?? ''}${scope}${gas ? '临时停气' : '临时停暖'}的通知`,
    reason,
    scope,
    startsAtMs,
    endsAtMs: startsAtMs + draft.hours * HOUR_MS,
    issuedAtMs: startsAtMs - random.int(2, 4) * DAY_MS,
    advice: gas ? gasAdvice : heatingAdvice,
  }
}

// 王建国 (1000000001) lives in 13010201; 刘洋's heating account (1000000004) in 13010502.
const fixed: Record<string, Draft[]> = {
  '13010201': [{ kind: 'gas', startDay: 2, startHour: 9, hours: 8 }],
  '13010502': [{ kind: 'heating', startDay: 1, startHour: 8, hours: 12 }],
}

function inHeatingSeason(day: number): boolean {
  const { month, date } = ymdOf(day)
  return (month === 11 && date >= 15) || month === 12 || month <= 2 || (month === 3 && date <= 15)
}

/** Every notice of the territory, relative to `anchorDay`. */
export function seedNotices(seed: number, anchorDay: number): NoticeRecord[] {
  const out: NoticeRecord[] = []
  for (const areaCode of areaCodes()) {
    const random = new Random(hashSeed(seed, hashString(areaCode), 0x7e))
    const rural = Number(areaCode.slice(6)) >= 4
    const drafts: Draft[] = (fixed[areaCode] ?? []).map((d) => ({
      ...d,
      startDay: anchorDay + d.startDay,
    }))
    if (random.chance(0.5)) {
      drafts.push({
        kind: 'gas',
        startDay: anchorDay + random.int(1, 12),
        startHour: random.int(8, 10),
        hours: random.int(4, 10),
      })
    }
    if (random.chance(0.35)) {
      drafts.push({ kind: 'gas', startDay: anchorDay - random.int(2, 6), startHour: 9, hours: 6 })
    }
    if (!rural && random.chance(0.3)) {
      drafts.push({
        kind: 'heating',
        startDay: anchorDay + random.int(0, 5),
        startHour: random.int(7, 9),
        hours: random.int(6, 16),
      })
    }
    drafts
      .filter((d) => d.kind === 'gas' || inHeatingSeason(d.startDay))
      .forEach((draft, i) => out.push(notice(seed, areaCode, i + 1, draft)))
  }
  return out.sort((a, b) => a.startsAtMs - b.startsAtMs)
}
