import type { HeatingApplication, HeatingFeeEffect, HeatingOffer, HeatingStep } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { BillingBill } from '../upstream/billing/billing-port'
import type {
  HeatingApplicationRecord,
  HeatingStopState,
} from '../upstream/billing/billing-heating-port'
import { codeOf, resumeReason, stopReason } from './heating-refusals'
import { areaPrice, dateText, daysBetween, monthDay, seasonLabel, yuan } from './heating-words'

const shanghai = (iso: string) => toShanghaiIso(new Date(iso))
const kindLabels = { stop: '报停', resume: '恢复供暖' } as const

/** What is paid so far on a season's heating bill (0 before it is issued). */
export function paidOnSeason(
  bills: readonly BillingBill[],
  startsOn: string,
): {
  billed: boolean
  paidFen: number
} {
  const bill = bills.find((b) => b.kind === 'heating' && b.period.from === startsOn)
  return { billed: bill !== undefined, paidFen: bill?.paidFen ?? 0 }
}

function effect(
  before: number,
  after: number,
  paid: { billed: boolean; paidFen: number },
  change: string,
): HeatingFeeEffect {
  const toPay = Math.max(0, after - paid.paidFen)
  const toPrepayment = Math.max(0, paid.paidFen - after)
  let money: string
  if (!paid.billed) money = `热费出账时按 ${yuan(after)}计收。`
  else if (toPrepayment > 0) {
    money = `已缴 ${yuan(paid.paidFen)}，多缴的 ${yuan(toPrepayment)} 转为预存，抵扣以后的费用。`
  } else if (toPay > 0) {
    money =
      paid.paidFen > 0
        ? `已缴 ${yuan(paid.paidFen)}，还需缴 ${yuan(toPay)}。`
        : `本季热费还需缴 ${yuan(toPay)}。`
  } else money = '本季热费已缴清。'
  return {
    feeBeforeFen: before,
    feeAfterFen: after,
    changeFen: after - before,
    paidFen: paid.paidFen,
    toPayFen: toPay,
    toPrepaymentFen: toPrepayment,
    explanation: `${change}${money}`,
  }
}

/** 报停 for the season whose window is open now (else the next one), with its fee effect. */
export function stopOffer(
  state: HeatingStopState,
  bills: readonly BillingBill[],
  arrearsFen: number,
): HeatingOffer {
  const { stop } = state
  const season = seasonLabel(stop.season.year)
  const moot =
    stop.refusal === 'already_stopped' ||
    stop.refusal === 'shared_riser' ||
    stop.refusal === 'suspended'
  const change =
    `报停后，${season}热费由 ${yuan(stop.fullFeeFen)}降为 ${yuan(stop.stoppedFeeFen)}` +
    `（${areaPrice(stop.areaDm2, stop.priceFenPerM2)} × ${stop.stoppedFeePercent}%），` +
    `少缴 ${yuan(stop.fullFeeFen - stop.stoppedFeeFen)}。`
  return {
    kind: 'stop',
    kindLabel: kindLabels.stop,
    season: { year: stop.season.year, label: season },
    canApply: stop.refusal === null,
    code: stop.refusal === null ? null : codeOf(stop.refusal),
    reason: stop.refusal === null ? null : stopReason(stop.refusal, stop, arrearsFen),
    windowText: `${dateText(stop.opensAt)}至${monthDay(stop.closesAt)}`,
    heatedFrom: null,
    effect: moot
      ? null
      : effect(
          stop.fullFeeFen,
          stop.stoppedFeeFen,
          paidOnSeason(bills, stop.season.startsOn),
          change,
        ),
  }
}

/** 恢复供暖 for the season billed now, with its fee effect when it applies to the household. */
export function resumeOffer(
  state: HeatingStopState,
  bills: readonly BillingBill[],
  arrearsFen: number,
): HeatingOffer {
  const { resume } = state
  const season = seasonLabel(resume.season.year)
  const { heatedFrom, resumedFeeFen } = resume
  let feeEffect: HeatingFeeEffect | null = null
  // Shown only where applying is the way: in the 停暖 window withdrawing is, and it costs nothing.
  const applies = resume.refusal === null || resume.refusal === 'in_arrears'
  if (heatedFrom !== null && resumedFeeFen !== null && applies) {
    const heated = daysBetween(heatedFrom, resume.season.endsOn)
    const stopped = daysBetween(resume.season.startsOn, heatedFrom) - 1
    const change =
      `恢复供暖后，${season}热费由 ${yuan(resume.currentFeeFen)}增为 ${yuan(resumedFeeFen)}：` +
      `${monthDay(heatedFrom)}起 ${heated} 天按全价` +
      (stopped > 0 ? `，此前 ${stopped} 天按 ${state.stop.stoppedFeePercent}% 基本热费。` : '。')
    feeEffect = effect(
      resume.currentFeeFen,
      resumedFeeFen,
      paidOnSeason(bills, resume.season.startsOn),
      change,
    )
  }
  return {
    kind: 'resume',
    kindLabel: kindLabels.resume,
    season: { year: resume.season.year, label: season },
    canApply: resume.refusal === null,
    code: resume.refusal === null ? null : codeOf(resume.refusal),
    reason:
      resume.refusal === null
        ? null
        : resumeReason(resume.refusal, resume, state.applications, state.asOf, arrearsFen),
    windowText: `${dateText(resume.opensAt)}至${monthDay(resume.closesAt)}`,
    heatedFrom,
    effect: feeEffect,
  }
}

/** An application with its progress as of billing's `asOf`. */
export function applicationView(a: HeatingApplicationRecord, asOf: string): HeatingApplication {
  const now = Date.parse(asOf)
  const startsAt = `${a.season.startsOn}T00:00:00+08:00`
  const heatsAt = a.heatedFrom === null ? null : `${a.heatedFrom}T00:00:00+08:00`
  const takesEffectAt = heatsAt ?? startsAt
  const effective = a.status === 'active' && now >= Date.parse(takesEffectAt)
  const canCancel = a.status === 'active' && now <= Date.parse(a.cancelUntil)
  const applied: HeatingStep = { label: '提交申请，已受理', at: shanghai(a.appliedAt), done: true }
  let steps: HeatingStep[]
  if (a.status === 'cancelled') {
    steps = [applied, { label: '已撤回', at: a.cancelledAt && shanghai(a.cancelledAt), done: true }]
  } else if (a.kind === 'stop') {
    steps = [
      applied,
      { label: '供暖开始前上门关阀、铅封', at: startsAt, done: effective },
      { label: '停暖生效，按基本热费计收', at: startsAt, done: effective },
    ]
  } else {
    steps = [applied, { label: '上门开栓，恢复供暖', at: takesEffectAt, done: effective }]
  }
  let cancelNote: string
  if (a.status === 'cancelled') cancelNote = '已撤回'
  else if (canCancel) cancelNote = `${dateText(a.cancelUntil)}前可以撤回`
  else cancelNote = a.kind === 'stop' ? '报停申请期已过，不能撤回' : '已上门开栓，不能撤回'
  return {
    applicationId: a.applicationId,
    kind: a.kind,
    kindLabel: kindLabels[a.kind],
    season: { year: a.season.year, label: seasonLabel(a.season.year) },
    status: a.status,
    statusLabel: a.status === 'cancelled' ? '已撤回' : effective ? '已生效' : '已受理',
    appliedAt: shanghai(a.appliedAt),
    cancelledAt: a.cancelledAt && shanghai(a.cancelledAt),
    heatedFrom: a.heatedFrom,
    seasonFeeFen: a.seasonFeeFen,
    canCancel,
    cancelUntil: shanghai(a.cancelUntil),
    cancelNote,
    steps,
  }
}
