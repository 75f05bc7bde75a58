import type { ErrorCode } from '@gh/shared'
import { AppError } from '../platform/app-error'
import { UpstreamError } from '../platform/upstream-client'
import {
  HeatingRefused,
  type HeatingApplicationRecord,
  type HeatingComplaintRefusal,
  type HeatingComplaintState,
  type HeatingResumeRefusal,
  type HeatingStopRefusal,
  type HeatingStopState,
  type HeatingWriteRefusal,
} from '../upstream/billing/billing-heating-port'
import { dateText, monthDay, seasonLabel, yuan } from './heating-words'

const codes: Record<HeatingWriteRefusal, ErrorCode> = {
  stop_window_closed: 'HEATING_STOP_WINDOW_CLOSED',
  in_arrears: 'HEATING_IN_ARREARS',
  suspended: 'HEATING_ACCOUNT_SUSPENDED',
  already_stopped: 'HEATING_STOP_EXISTS',
  shared_riser: 'HEATING_STOP_SHARED_RISER',
  resume_window_closed: 'HEATING_RESUME_WINDOW_CLOSED',
  not_stopped: 'HEATING_NOT_STOPPED',
  already_resuming: 'HEATING_RESUME_EXISTS',
  out_of_season: 'HEATING_OUT_OF_SEASON',
  not_supplied: 'HEATING_NOT_SUPPLIED',
  complaint_open: 'HEATING_COMPLAINT_OPEN',
  resume_started: 'HEATING_CANCEL_CLOSED',
  slot_unavailable: 'HEATING_SLOT_UNAVAILABLE',
  not_found: 'NOT_FOUND',
  not_heating: 'NOT_HEATING_ACCOUNT',
}

export function codeOf(refusal: HeatingWriteRefusal): ErrorCode {
  return codes[refusal]
}

/** What a refusal is answered with: its code, and the rule's reason when we can say more. */
export function refusedError(refusal: HeatingWriteRefusal, reason?: string | null): AppError {
  return new AppError(codeOf(refusal), {
    message: `heating refused: ${refusal}`,
    ...(reason ? { userMessage: reason } : {}),
  })
}

/** Why 报停 cannot be applied for now, from billing's numbers. */
export function stopReason(
  refusal: HeatingStopRefusal,
  stop: HeatingStopState['stop'],
  arrearsFen: number,
): string {
  const season = seasonLabel(stop.season.year)
  switch (refusal) {
    case 'stop_window_closed':
      return (
        `报停须在采暖季开始前申请：${season}的报停申请期为 ${dateText(stop.opensAt)}至` +
        `${monthDay(stop.closesAt)}，请到时再来办理。`
      )
    case 'in_arrears':
      return arrearsFen > 0
        ? `该户有欠费 ${yuan(arrearsFen)}未缴，请先缴清欠费再申请报停。`
        : '该户有欠费未缴，请先缴清欠费再申请报停。'
    case 'suspended':
      return '该户号已停用，不能办理报停。'
    case 'already_stopped':
      return `${season}已经报停，不用重复申请。`
    case 'shared_riser':
      return (
        '您家所在楼栋是单管串联供暖（上下楼共用一根暖气立管），关一户会影响邻居，所以不能单户' +
        '报停。如需报停，请联系供热站。'
      )
  }
}

/** Why 恢复供暖 cannot be applied for now. */
export function resumeReason(
  refusal: HeatingResumeRefusal,
  resume: HeatingStopState['resume'],
  applications: readonly HeatingApplicationRecord[],
  asOf: string,
  arrearsFen: number,
): string {
  const season = seasonLabel(resume.season.year)
  const ofSeason = (kind: 'stop' | 'resume') =>
    applications.find(
      (a) => a.kind === kind && a.status === 'active' && a.season.year === resume.season.year,
    )
  switch (refusal) {
    case 'not_stopped':
      return `${season}正常供暖，不需要恢复。`
    case 'resume_window_closed': {
      const stop = ofSeason('stop')
      if (stop && Date.parse(asOf) <= Date.parse(stop.cancelUntil)) {
        return (
          `现在还在报停申请期内，直接撤回报停申请就能正常供暖（${dateText(stop.cancelUntil)}` +
          '前可以撤回）。'
        )
      }
      if (Date.parse(asOf) < Date.parse(resume.opensAt)) {
        return `恢复供暖从 ${dateText(resume.opensAt)}起受理。`
      }
      return (
        `恢复供暖在每年${monthDay(resume.opensAt)}至${monthDay(resume.closesAt)}受理，` +
        `${season}已截止。`
      )
    }
    case 'already_resuming': {
      const from = ofSeason('resume')?.heatedFrom
      return from ? `已经申请恢复供暖，${monthDay(from)}起供暖。` : '已经申请恢复供暖。'
    }
    case 'in_arrears':
      return arrearsFen > 0
        ? `该户有欠费 ${yuan(arrearsFen)}未缴，请先缴清欠费再申请恢复供暖。`
        : '该户有欠费未缴，请先缴清欠费再申请恢复供暖。'
    case 'suspended':
      return '该户号已停用，不能办理恢复供暖。'
  }
}

/** Why a 室温 complaint is not taken now. */
export function complaintReason(
  refusal: HeatingComplaintRefusal,
  state: HeatingComplaintState,
): string {
  const { season } = state
  switch (refusal) {
    case 'out_of_season':
      return (
        `室温投诉在采暖季内受理（${seasonLabel(season.year)}：${dateText(season.startsOn)}至` +
        `${dateText(season.endsOn)}）。`
      )
    case 'not_supplied':
      return `${seasonLabel(season.year)}已报停，不受理室温投诉。`
    case 'complaint_open':
      return '您有一件室温投诉正在处理，处理完后可以再报。'
    case 'suspended':
      return '该户号已停用。'
  }
}

/**
 * Billing failing says so in the resident's words: slow or unreachable is "try again later", an
 * answer off contract is our problem (502). A rule's refusal passes through as HeatingRefused.
 */
export async function fromBilling<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    if (err instanceof HeatingRefused || !(err instanceof UpstreamError)) throw err
    if (err.kind === 'bad_response' || err.kind === 'rejected') {
      throw new AppError('UPSTREAM_ERROR', { message: err.message, cause: err })
    }
    throw new AppError('HEATING_UNAVAILABLE', {
      message: err.message,
      cause: err,
      ...(err.kind === 'circuit_open' ? { retryAfterSeconds: 10 } : {}),
    })
  }
}
