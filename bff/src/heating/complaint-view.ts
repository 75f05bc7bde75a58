import { heatingCompensationFen } from '@gh/shared'
import type {
  HeatingComplaint,
  HeatingComplaintRule,
  HeatingStep,
  HeatingVisitSlot,
} from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type {
  HeatingComplaintRecord,
  HeatingComplaintState,
  VisitSlotRecord,
} from '../upstream/billing/billing-heating-port'
import {
  areaPrice,
  bandText,
  dailyFeeFormula,
  dateText,
  daysBetween,
  localDate,
  seasonLabel,
  tempText,
  temperatureRule,
  yuan,
} from './heating-words'

type Rule = HeatingComplaintState['rule']

const shanghai = (iso: string) => toShanghaiIso(new Date(iso))
const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** A day's compensation at `percent` of this household's daily fee (rounded like billing). */
function perDayFen(rule: Rule, percent: number): number {
  return heatingCompensationFen(rule.areaDm2, rule.priceFenPerM2, {
    days: 1,
    seasonDays: rule.seasonDays,
    percent,
  })
}

/** The share of the daily fee a reading earns: the band with the lowest bound above it. */
export function percentFor(rule: Rule, tenths: number): number {
  let percent = 0
  for (const band of rule.bands) if (tenths < band.belowTenths) percent = band.dailyFeePercent
  return percent
}

export function ruleView(rule: Rule): HeatingComplaintRule {
  return {
    standardTenths: rule.standardTenths,
    bands: rule.bands.map((band, i) => ({
      belowTenths: band.belowTenths,
      percent: band.dailyFeePercent,
      perDayFen: perDayFen(rule, band.dailyFeePercent),
      text: `${bandText(rule, i)}（${yuan(perDayFen(rule, band.dailyFeePercent))}）`,
    })),
    fixWithinDays: rule.fixWithinDays,
    dailyFeeFen: rule.dailyFeeFen,
    dailyFeeFormula: dailyFeeFormula(rule),
    text: temperatureRule(rule),
  }
}

/** '11月27日 周五 下午 14:00–17:00' */
export function slotView(slot: VisitSlotRecord): HeatingVisitSlot {
  const starts = shanghai(slot.startsAt)
  const ends = shanghai(slot.endsAt)
  const date = localDate(starts)
  const weekday = weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''
  const hour = Number(starts.slice(11, 13))
  const part = hour < 12 ? '上午' : hour < 18 ? '下午' : '晚上'
  const time = (iso: string) => `${Number(iso.slice(11, 13))}:${iso.slice(14, 16)}`
  const [, m = '', d = ''] = date.split('-')
  return {
    slotId: slot.slotId,
    startsAt: starts,
    endsAt: ends,
    label: `${Number(m)}月${Number(d)}日 ${weekday} ${part} ${time(starts)}–${time(ends)}`,
  }
}

const statusLabels = {
  scheduled: '待上门测温',
  up_to_standard: '室温达标',
  fixing: '不达标，整改中',
  resolved: '已复测达标，补偿待入账',
  credited: '补偿已在账单中扣减',
} as const

export function complaintView(
  c: HeatingComplaintRecord,
  currentRule: Rule,
  photoId: string | null,
): HeatingComplaint {
  // The complaint's own season sets the daily fee (seasons differ by a day in leap years).
  const rule = { ...currentRule, seasonDays: daysBetween(c.season.startsOn, c.season.endsOn) }
  const status = c.compensation?.credited ? 'credited' : c.status
  const visit = slotView(c.visit)
  const expectedPercent = percentFor(rule, c.reportedTenths)
  const expectedPerDay = perDayFen(rule, expectedPercent)
  const expectedText =
    expectedPercent > 0
      ? `如上门测得 ${tempText(c.reportedTenths)}，每天补偿日热费的 ${expectedPercent}%` +
        `（${yuan(expectedPerDay)}），直到整改复测达标。`
      : `${tempText(c.reportedTenths)} 已达到 ${tempText(rule.standardTenths)} 的标准，测得达标不予补偿。`
  const measured = c.measurement
  const steps: HeatingStep[] = [
    { label: `报告室温 ${tempText(c.reportedTenths)}`, at: shanghai(c.reportedAt), done: true },
    {
      label: measured
        ? `上门测温：${tempText(measured.measuredTenths)}，${measured.belowStandard ? '不达标' : '达标'}`
        : `上门测温（${visit.label}）`,
      at: measured ? shanghai(measured.measuredAt) : visit.startsAt,
      done: measured !== null,
    },
  ]
  if (measured?.belowStandard) {
    steps.push({
      label: c.fixedAt ? '整改后复测达标' : c.status === 'resolved' ? '采暖季结束' : '整改，复测',
      at: c.fixedAt && shanghai(c.fixedAt),
      done: c.status === 'resolved',
    })
    steps.push({
      label: c.compensation?.credited ? '补偿已在账单中扣减' : '补偿在下一采暖季账单中扣减',
      at: c.compensation ? `${c.compensation.creditOn}T09:00:00+08:00` : null,
      done: c.compensation?.credited ?? false,
    })
  }
  return {
    complaintId: c.complaintId,
    season: { year: c.season.year, label: seasonLabel(c.season.year) },
    reportedAt: shanghai(c.reportedAt),
    reportedTenths: c.reportedTenths,
    photoId,
    status,
    statusLabel: statusLabels[status],
    visit,
    measurement: measured && {
      measuredAt: shanghai(measured.measuredAt),
      measuredTenths: measured.measuredTenths,
      belowStandard: measured.belowStandard,
      percent: measured.dailyFeePercent,
    },
    fixedAt: c.fixedAt && shanghai(c.fixedAt),
    expected: { percent: expectedPercent, perDayFen: expectedPerDay, text: expectedText },
    compensation: c.compensation && {
      fromDate: c.compensation.fromDate,
      toDate: c.compensation.toDate,
      days: c.compensation.days,
      percent: c.compensation.dailyFeePercent,
      amountFen: c.compensation.amountFen,
      explanation:
        `${areaPrice(rule.areaDm2, rule.priceFenPerM2)} ÷ ${rule.seasonDays} 天 × ` +
        `${c.compensation.days} 天 × ${c.compensation.dailyFeePercent}% = ` +
        yuan(c.compensation.amountFen),
      billId: c.compensation.billId,
      creditOn: c.compensation.creditOn,
      credited: c.compensation.credited,
      note: c.compensation.credited
        ? `已在 ${dateText(c.compensation.creditOn)}出账的账单中扣减`
        : `将在 ${dateText(c.compensation.creditOn)}出账的下一采暖季账单中扣减`,
    },
    steps,
  }
}
