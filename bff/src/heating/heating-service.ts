import type {
  BillLine,
  CreateHeatingStopRequest,
  HeatingApplication,
  HeatingFeeStatus,
  HeatingOverview,
  HeatingSeason,
  HeatingStops,
  HeatingSupply,
} from '@gh/shared'
import { billView } from '../bills/bill-view'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { BillingBill, BillingHeating } from '../upstream/billing/billing-port'
import { HeatingRefused, type HeatingStopState } from '../upstream/billing/billing-heating-port'
import { complaintReason, codeOf, fromBilling, refusedError } from './heating-refusals'
import { upstreamId, type HeatingDeps } from './heating-ports'
import {
  areaPrice,
  dateText,
  daysBetween,
  feeRule,
  localDate,
  monthDay,
  resumeRule,
  seasonLabel,
  stopRule,
  temperatureRule,
  yuan,
} from './heating-words'
import { meteredFeeOf, meteredFeeRule } from './metered-fee'
import { applicationView, resumeOffer, stopOffer } from './stop-view'

const notHeating = () => new AppError('NOT_HEATING_ACCOUNT')

/** The season of `startsOn`–`endsOn` as seen on `today`. */
export function seasonOf(startsOn: string, endsOn: string, today: string): HeatingSeason {
  const year = Number(startsOn.slice(0, 4))
  return {
    year,
    label: seasonLabel(year),
    startsOn,
    endsOn,
    days: daysBetween(startsOn, endsOn),
    phase: today < startsOn ? 'before' : today > endsOn ? 'after' : 'in',
  }
}

const isHeatingLine = (l: BillLine) => l.type === 'heating' || l.type === 'heating_basic'

function feeOf(
  heating: BillingHeating,
  bill: BillingBill | null,
  stops: HeatingStopState,
): HeatingFeeStatus {
  const base = {
    basis: 'area' as const,
    areaDm2: heating.areaDm2,
    priceFenPerM2: heating.priceFenPerM2,
  }
  if (!bill) {
    const fee = stops.resume.currentFeeFen
    const share = heating.supply === 'stopped' ? ` × ${stops.stop.stoppedFeePercent}%` : ''
    return {
      ...base,
      seasonFeeFen: fee,
      creditFen: 0,
      lateFeeFen: 0,
      paidFen: 0,
      outstandingFen: 0,
      billId: null,
      dueAt: null,
      formula: `${areaPrice(heating.areaDm2, heating.priceFenPerM2)}${share} = ${yuan(fee)}（尚未出账）`,
      lines: [],
    }
  }
  const { lines } = billView(bill)
  const sum = (pick: (l: BillLine) => boolean) =>
    lines.filter(pick).reduce((total, l) => total + l.amountFen, 0)
  return {
    ...base,
    seasonFeeFen: sum(isHeatingLine),
    creditFen: sum((l) => l.type === 'heating_compensation'),
    lateFeeFen: bill.lateFeeFen,
    paidFen: bill.paidFen,
    outstandingFen: bill.outstandingFen,
    billId: bill.billId,
    dueAt: toShanghaiIso(new Date(bill.dueAt)),
    formula: lines
      .filter(isHeatingLine)
      .map((l) => l.explanation)
      .join('；'),
    lines,
  }
}

function supplyOf(
  heating: BillingHeating,
  stops: HeatingStopState,
  season: HeatingSeason,
): HeatingSupply {
  const resume = stops.applications.find(
    (a) => a.kind === 'resume' && a.status === 'active' && a.season.year === season.year,
  )
  const heatedFrom = resume?.heatedFrom ?? null
  if (heating.supply === 'stopped') {
    return heatedFrom
      ? { state: 'resuming', label: `已申请恢复供暖，${monthDay(heatedFrom)}起供暖`, heatedFrom }
      : { state: 'stopped', label: `${season.label}已报停`, heatedFrom: null }
  }
  let label = '正常供暖'
  if (heatedFrom) label = `${monthDay(heatedFrom)}起已恢复供暖`
  else if (season.phase === 'before') label = `正常供暖，${dateText(season.startsOn)}开始`
  else if (season.phase === 'after') label = `${season.label}已结束`
  return { state: 'heated', label, heatedFrom }
}

/**
 * 供暖 and 报停 / 恢复供暖: the season as it stands for the household, and applications with
 * their fee effect shown before anything is submitted. Billing's clock is the one that counts.
 */
export class HeatingService {
  constructor(private readonly deps: HeatingDeps) {}

  async overview(accountNo: string): Promise<HeatingOverview> {
    const { billing, heating } = this.deps
    const [summary, bills, stops, complaints] = await fromBilling(() =>
      Promise.all([
        billing.summary(accountNo),
        billing.bills(accountNo),
        heating.stops(accountNo),
        heating.complaints(accountNo),
      ]),
    )
    const h = summary?.heating
    if (!summary || !h || !stops || !complaints) throw notHeating()
    const asOf = toShanghaiIso(new Date(stops.asOf))
    const season = seasonOf(h.season.startsOn, h.season.endsOn, localDate(asOf))
    const bill =
      bills?.find(
        (b) =>
          b.kind === 'heating' &&
          b.period.from === season.startsOn &&
          // 热计量: the season end's 计量热费 bill is shown beside it, not as the season's fee.
          !b.lines.some((l) => l.type === 'heating_metered'),
      ) ?? null
    const stop = stopOffer(stops, bills ?? [], summary.arrearsFen)
    const resume = resumeOffer(stops, bills ?? [], summary.arrearsFen)
    const open = complaints.complaints.find(
      (c) => c.status === 'scheduled' || c.status === 'fixing',
    )
    return {
      accountNo,
      asOf,
      season,
      supply: supplyOf(h, stops, season),
      fee: h.metering ? meteredFeeOf(feeOf(h, bill, stops), h, h.metering) : feeOf(h, bill, stops),
      rules: {
        fee: h.metering ? meteredFeeRule(h, h.metering, season) : feeRule(stops.stop, season, bill),
        stop: stopRule(stops.stop),
        resume: resumeRule(stops.resume, stops.stop.stoppedFeePercent),
        temperature: temperatureRule(complaints.rule),
      },
      stop: { canApply: stop.canApply, code: stop.code, reason: stop.reason, season: stop.season },
      resume: { canApply: resume.canApply, code: resume.code, reason: resume.reason },
      complaint: {
        canApply: complaints.refusal === null,
        code: complaints.refusal && codeOf(complaints.refusal),
        reason: complaints.refusal && complaintReason(complaints.refusal, complaints),
        open: open
          ? {
              complaintId: open.complaintId,
              statusLabel: open.status === 'scheduled' ? '待上门测温' : '不达标，整改中',
            }
          : null,
      },
    }
  }

  async stops(accountNo: string): Promise<HeatingStops> {
    const { state, bills, arrearsFen } = await this.read(accountNo)
    return {
      accountNo,
      asOf: toShanghaiIso(new Date(state.asOf)),
      stop: stopOffer(state, bills, arrearsFen),
      resume: resumeOffer(state, bills, arrearsFen),
      applications: state.applications.map((a) => applicationView(a, state.asOf)),
    }
  }

  async application(accountNo: string, applicationId: string): Promise<HeatingApplication> {
    const state = await fromBilling(() => this.deps.heating.stops(accountNo))
    if (!state) throw notHeating()
    const found = state.applications.find((a) => a.applicationId === applicationId)
    if (!found) throw new AppError('HEATING_APPLICATION_NOT_FOUND')
    return applicationView(found, state.asOf)
  }

  /**
   * Applies for 报停 or 恢复供暖 after checking it against what the resident was shown: the rule
   * must allow it now and the fee afterwards must be the one confirmed.
   */
  async apply(
    accountNo: string,
    userId: string,
    idempotencyKey: string,
    request: CreateHeatingStopRequest,
  ): Promise<HeatingApplication> {
    const { state, bills, arrearsFen } = await this.read(accountNo)
    const applicationId = upstreamId('HA', accountNo, idempotencyKey)
    // A retry whose first answer was lost: billing has it already.
    const earlier = state.applications.find((a) => a.applicationId === applicationId)
    if (earlier) return applicationView(earlier, state.asOf)
    const offer =
      request.kind === 'stop'
        ? stopOffer(state, bills, arrearsFen)
        : resumeOffer(state, bills, arrearsFen)
    if (!offer.canApply) {
      const refusal = request.kind === 'stop' ? state.stop.refusal : state.resume.refusal
      if (refusal) throw refusedError(refusal, offer.reason)
    }
    const after = offer.effect?.feeAfterFen
    if (offer.season.year !== request.seasonYear || after !== request.expectedFeeFen) {
      throw new AppError('HEATING_FEE_CHANGED', {
        userMessage:
          after === undefined
            ? '情况有变化，请刷新后再看'
            : `费用有变化：${offer.kindLabel}后${offer.season.label}热费为 ${yuan(after)}，` +
              '请看清后再确认。',
      })
    }
    const record = await this.write('apply', () =>
      this.deps.heating.applyStop(accountNo, {
        applicationId,
        kind: request.kind,
        seasonYear: request.seasonYear,
      }),
    )
    const application = applicationView(record, state.asOf)
    await this.changed(accountNo, userId, application)
    return application
  }

  async cancel(accountNo: string, userId: string, applicationId: string) {
    const state = await fromBilling(() => this.deps.heating.stops(accountNo))
    if (!state) throw notHeating()
    const found = state.applications.find((a) => a.applicationId === applicationId)
    if (!found) throw new AppError('HEATING_APPLICATION_NOT_FOUND')
    const before = applicationView(found, state.asOf)
    if (found.status === 'active' && !before.canCancel) {
      throw new AppError('HEATING_CANCEL_CLOSED', {
        userMessage:
          found.kind === 'stop'
            ? `报停的撤回期限是 ${dateText(found.cancelUntil)}，已经过了，不能撤回。`
            : `已于 ${dateText(found.heatedFrom ?? found.cancelUntil)}上门开栓恢复供暖，不能撤回。`,
      })
    }
    const record = await this.write('cancel', () =>
      this.deps.heating.cancelStop(accountNo, applicationId),
    )
    const application = applicationView(record, state.asOf)
    if (found.status === 'active') await this.changed(accountNo, userId, application)
    return application
  }

  private async read(accountNo: string) {
    const [state, bills, summary] = await fromBilling(() =>
      Promise.all([
        this.deps.heating.stops(accountNo),
        this.deps.billing.bills(accountNo),
        this.deps.billing.summary(accountNo),
      ]),
    )
    if (!state) throw notHeating()
    return { state, bills: bills ?? [], arrearsFen: summary?.arrearsFen ?? 0 }
  }

  /** A write billing refused by a rule reads as that rule's error. */
  private async write<T>(what: 'apply' | 'cancel', call: () => Promise<T>): Promise<T> {
    try {
      return await fromBilling(call)
    } catch (err) {
      if (!(err instanceof HeatingRefused)) throw err
      if (err.reason === 'not_found') throw new AppError('HEATING_APPLICATION_NOT_FOUND')
      if (what === 'cancel') throw new AppError('HEATING_CANCEL_CLOSED')
      throw refusedError(err.reason)
    }
  }

  private async changed(accountNo: string, userId: string, application: HeatingApplication) {
    await this.deps.invalidate(accountNo)
    await this.deps.notices.applicationChanged({ accountNo, userId, application })
  }
}
