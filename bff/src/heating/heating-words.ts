import { dm2ToM2String, fenToYuanString } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type {
  HeatingComplaintState,
  HeatingStopState,
} from '../upstream/billing/billing-heating-port'

/*
 * 供暖 in the resident's words, written here from billing's numbers (window dates, percentages,
 * area and price), so a rule reads the same whichever vendor's billing answers and changes
 * with the numbers, never with a copy of them.
 */

export const yuan = (fen: number): string => `${fenToYuanString(fen)} 元`

export const seasonLabel = (year: number): string => `${year}-${year + 1} 采暖季`

/** The Shanghai calendar date of an ISO instant or a `YYYY-MM-DD` date. */
export function localDate(iso: string): string {
  return iso.length === 10 ? iso : toShanghaiIso(new Date(iso)).slice(0, 10)
}

/** '2027-09-01' (or an instant on that day) → '2027年9月1日'. */
export function dateText(iso: string): string {
  const [y = '', m = '', d = ''] = localDate(iso).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** '2027-09-01' → '9月1日'. */
export function monthDay(iso: string): string {
  const [, m = '', d = ''] = localDate(iso).split('-')
  return `${Number(m)}月${Number(d)}日`
}

/** 165 → '16.5℃', 180 → '18℃'. */
export function tempText(tenths: number): string {
  const whole = Math.trunc(tenths / 10)
  const rest = Math.abs(tenths % 10)
  return `${whole}${rest ? `.${rest}` : ''}℃`
}

export function areaPrice(areaDm2: number, priceFenPerM2: number): string {
  return `建筑面积 ${dm2ToM2String(areaDm2)} m² × ${fenToYuanString(priceFenPerM2)} 元/m²`
}

/** Days from `from` to `to` inclusive, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1
}

type Stop = HeatingStopState['stop']
type Resume = HeatingStopState['resume']
type Rule = HeatingComplaintState['rule']

export function feeRule(
  stop: Stop,
  season: { startsOn: string; endsOn: string; days: number },
  bill: { issuedAt: string; dueAt: string } | null,
): string {
  const due = bill
    ? `本季热费 ${dateText(bill.issuedAt)}出账，${dateText(bill.dueAt)}前缴清，逾期加收滞纳金。`
    : '本季热费出账后请按期缴清，逾期加收滞纳金。'
  return (
    `按建筑面积计收：每平方米每个采暖季 ${yuan(stop.priceFenPerM2)}，您家建筑面积 ` +
    `${dm2ToM2String(stop.areaDm2)} m²，全季 ${yuan(stop.fullFeeFen)}。采暖季为每年` +
    `${monthDay(season.startsOn)}至次年${monthDay(season.endsOn)}（本季 ${season.days} 天）。` +
    `${due}报停的只收 ${stop.stoppedFeePercent}% 基本热费。`
  )
}

export function stopRule(stop: Stop): string {
  return (
    `报停（停暖）以整个采暖季为单位，须在每年${monthDay(stop.opensAt)}至${monthDay(stop.closesAt)}` +
    `申请，有欠费的须先缴清；报停后只收 ${stop.stoppedFeePercent}% 基本热费` +
    `（${seasonLabel(stop.season.year)}：${yuan(stop.stoppedFeeFen)}，全价 ${yuan(stop.fullFeeFen)}）；` +
    `申请期内可以撤回。单管串联供暖（上下楼共用立管）的楼栋不能单户报停。`
  )
}

export function resumeRule(resume: Resume, stoppedFeePercent: number): string {
  return (
    `已报停的，可在每年${monthDay(resume.opensAt)}至${monthDay(resume.closesAt)}申请恢复供暖，` +
    `受理后 ${resume.leadDays} 天上门开栓；开栓前的天数按 ${stoppedFeePercent}% 基本热费、开栓后` +
    `按全价计收；开栓前可以撤回。`
  )
}

export function dailyFeeFormula(rule: Rule): string {
  return `${areaPrice(rule.areaDm2, rule.priceFenPerM2)} ÷ ${rule.seasonDays} 天 = ${yuan(rule.dailyFeeFen)}`
}

/** '低于18℃：每天补偿日热费的50%' for each band, warmest first. */
export function bandText(rule: Rule, index: number): string {
  const band = rule.bands[index]
  if (!band) return ''
  const colder = rule.bands[index + 1]
  const range = colder
    ? `低于${tempText(band.belowTenths)}、不低于${tempText(colder.belowTenths)}`
    : `低于${tempText(band.belowTenths)}`
  return `${range}：每天补偿日热费的 ${band.dailyFeePercent}%`
}

export function temperatureRule(rule: Rule): string {
  const bands = rule.bands.map((_, i) => bandText(rule, i)).join('；')
  return (
    `采暖期间室温应不低于 ${tempText(rule.standardTenths)}。室温不达标的，可以报告读数并预约上门` +
    `测温；测得不达标的，自报告之日起至整改复测达标的前一天（最迟 ${rule.fixWithinDays} 天内复测）` +
    `按天补偿——${bands}。日热费 = ${dailyFeeFormula(rule)}。补偿在下一采暖季账单中直接扣减。`
  )
}
