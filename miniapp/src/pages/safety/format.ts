import type { Outlet, OutletService, SupplyNotice } from '@gh/shared'
import { speakNumber } from '@gh/shared'

/** Display and speech text of the safety page; integer arithmetic only. */

/** 350 → '350米', 1234 → '1.2公里', 12500 → '12.5公里'. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${metres}米`
  const tenths = Math.floor((metres + 50) / 100)
  return `${Math.floor(tenths / 10)}.${tenths % 10}公里`
}

/** 350 → '三百五十米', 1234 → '一点二公里', 2000 → '两公里'. */
export function speakDistance(metres: number): string {
  if (metres < 1000) return `${speakNumber(metres)}米`
  const tenths = Math.floor((metres + 50) / 100)
  const whole = Math.floor(tenths / 10)
  const wholeWords = whole === 2 ? '两' : speakNumber(whole)
  return tenths % 10 === 0
    ? `${wholeWords}公里`
    : `${speakNumber(whole)}点${speakNumber(tenths % 10)}公里`
}

// Times arrive as ISO-8601 in +08:00 (the utility's zone), so the text is already local.
function parts(iso: string) {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  if (!m) return { date: iso, time: '' }
  return { date: `${Number(m[1])}月${Number(m[2])}日`, time: `${m[3]}:${m[4]}` }
}

/** '11月28日 09:00 至 17:00', or with both dates when the stop runs past midnight. */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const a = parts(startsAt)
  const b = parts(endsAt)
  const end = a.date === b.date ? b.time : `${b.date} ${b.time}`
  return `${a.date} ${a.time} 至 ${end}`
}

export const noticeStatusText: Record<SupplyNotice['status'], string> = {
  in_progress: '正在进行',
  upcoming: '即将开始',
  ended: '已结束',
}

export const noticeKindText: Record<SupplyNotice['kind'], string> = {
  gas: '停气',
  heating: '停暖',
}

export const serviceText: Record<OutletService, string> = {
  payment: '缴费',
  card_write: '写卡',
  business: '业务办理',
  ignition_booking: '预约点火',
}

export const outletKindText: Record<Outlet['kind'], string> = {
  service_hall: '营业厅',
  card_write_point: '写卡点',
}

/** '缴费、写卡' */
export function servicesText(services: readonly OutletService[]): string {
  return services.map((s) => serviceText[s]).join('、')
}
