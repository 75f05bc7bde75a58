import {
  estimateDaysOfGas,
  isPrepaid,
  type HomeBalance,
  type HomeBill,
  type HomeDue,
  type HomeHeating,
  type HomeRepair,
  type SupplyNotice,
} from '@gh/shared'
import { billView } from '../bills/bill-view'
import { toShanghaiIso } from '../platform/time'
import type { BillingBill, BillingSummary, BillingTariff } from '../upstream/billing/billing-port'
import type { CustomerAccount } from '../upstream/customers/customers-port'
import type { MeterState } from '../upstream/meters/meters-port'
import type { OpenRepair } from '../repairs/repair-service'

/*
 * Each home section from the upstream answers it stands on, in the resident's terms. Pure
 * functions: the service fetches, these decide what is shown.
 */

const newestFirst = (a: BillingBill, b: BillingBill) =>
  b.period.from.localeCompare(a.period.from) || b.issuedAt.localeCompare(a.issuedAt)

export interface GasOutlook {
  forecast: { dailyDm3: number }
  yearToDateDm3: number
}

/** Prepaid meters only; "约可用 N 天" is left out (null) when use or tariff are not known. */
export function balanceOf(
  account: CustomerAccount,
  meter: MeterState | null,
  outlook: GasOutlook | null,
  tariff: BillingTariff | null,
): HomeBalance | null {
  if (!isPrepaid(account.kind) || !meter || meter.balanceFen === null) return null
  if (meter.type === 'mechanical') return null
  return {
    meterKind: meter.type,
    balanceFen: meter.balanceFen,
    daysOfGas: daysOfGas(meter.balanceFen, outlook, tariff),
    online: meter.type === 'iot' ? meter.online : null,
  }
}

function daysOfGas(
  balanceFen: number,
  outlook: GasOutlook | null,
  tariff: BillingTariff | null,
): number | null {
  if (!outlook || !tariff || tariff.gas.tiers.length === 0) return null
  try {
    return estimateDaysOfGas(
      balanceFen,
      outlook.forecast.dailyDm3,
      tariff.gas,
      outlook.yearToDateDm3,
    )
  } catch {
    // An estimate off the tariff's rules is a nicety lost, never a broken page.
    return null
  }
}

/** What is owed; null for an account that owes nothing and has never had a bill (prepaid). */
export function dueOf(summary: BillingSummary | null, bills: BillingBill[] | null): HomeDue | null {
  if (!summary) return null
  const list = bills ?? []
  if (summary.amountDueFen === 0 && list.length === 0) return null
  const unpaidDue = list
    .filter((b) => b.status !== 'paid')
    .map((b) => Date.parse(b.dueAt))
    .filter((ms) => Number.isFinite(ms))
  const oldest = unpaidDue.length > 0 ? Math.min(...unpaidDue) : null
  return {
    amountDueFen: summary.amountDueFen,
    arrearsFen: summary.arrearsFen,
    lateFeeFen: summary.lateFeeFen,
    overdue: summary.overdueBillCount > 0,
    unpaidBillCount: summary.unpaidBillCount,
    oldestDueAt:
      summary.amountDueFen > 0 && oldest !== null ? toShanghaiIso(new Date(oldest)) : null,
    payAction:
      summary.amountDueFen > 0 ? { label: '立即缴费', amountFen: summary.amountDueFen } : null,
  }
}

export function latestBillOf(bills: BillingBill[] | null): HomeBill | null {
  const newest = [...(bills ?? [])].sort(newestFirst)[0]
  return newest ? billView(newest) : null
}

export function heatingOf(summary: BillingSummary | null, now: Date): HomeHeating | null {
  const heating = summary?.heating
  if (!heating) return null
  const today = toShanghaiIso(now).slice(0, 10)
  const { startsOn, endsOn } = heating.season
  return {
    seasonStartsOn: startsOn,
    seasonEndsOn: endsOn,
    inSeason: startsOn <= today && today <= endsOn,
    heatedThisSeason: heating.supply === 'supplied',
    seasonFeeFen: heating.seasonFeeFen,
  }
}

/**
 * Stops that reach this household: of its kind of supply (gas or heating), not ended yet, and
 * naming its 小区 or village (a notice without a scope covers the whole area).
 */
export function supplyStopsOf(account: CustomerAccount, notices: SupplyNotice[]): SupplyNotice[] {
  const kind = account.kind === 'heating' ? 'heating' : 'gas'
  return notices.filter((n) => {
    if (n.kind !== kind || n.status === 'ended') return false
    const places = n.scope
      .split(/[、，,;；\s]+/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
    return places.length === 0 || places.some((p) => account.address.includes(p))
  })
}

export function repairOf(open: OpenRepair | null): HomeRepair | null {
  if (!open) return null
  return {
    repairId: open.repairNo,
    title: open.title,
    statusLabel: open.stateLabel,
    etaAt: open.etaAt,
    updatedAt: open.updatedAt,
  }
}
