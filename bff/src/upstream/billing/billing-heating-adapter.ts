import { HeatingComplaint, HeatingComplaints } from '../../../contracts/billing-heating-complaints'
import { HeatingStopApplication, HeatingStops } from '../../../contracts/billing-heating-stops'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  HeatingRefused,
  type HeatingApplicationRecord,
  type HeatingComplaintRecord,
  type HeatingComplaintRefusal,
  type HeatingComplaintState,
  type HeatingDesk,
  type HeatingResumeRefusal,
  type HeatingStopRefusal,
  type HeatingStopState,
  type HeatingWriteRefusal,
} from './billing-heating-port'

const stopRefusals: Record<NonNullable<HeatingStops['refusal']>, HeatingStopRefusal> = {
  HEATING_STOP_WINDOW_CLOSED: 'stop_window_closed',
  ACCOUNT_IN_ARREARS: 'in_arrears',
  ACCOUNT_SUSPENDED: 'suspended',
  HEATING_STOP_EXISTS: 'already_stopped',
  HEATING_STOP_SHARED_RISER: 'shared_riser',
}

const resumeRefusals: Record<
  NonNullable<HeatingStops['resume']['refusal']>,
  HeatingResumeRefusal
> = {
  HEATING_RESUME_WINDOW_CLOSED: 'resume_window_closed',
  HEATING_NOT_STOPPED: 'not_stopped',
  HEATING_RESUME_EXISTS: 'already_resuming',
  ACCOUNT_IN_ARREARS: 'in_arrears',
  ACCOUNT_SUSPENDED: 'suspended',
}

const complaintRefusals: Record<
  NonNullable<HeatingComplaints['refusal']>,
  HeatingComplaintRefusal
> = {
  HEATING_OUT_OF_SEASON: 'out_of_season',
  HEATING_NOT_SUPPLIED: 'not_supplied',
  HEATING_COMPLAINT_OPEN: 'complaint_open',
  ACCOUNT_SUSPENDED: 'suspended',
}

/** The error codes of the contract's heating writes, in our words. */
const writeRefusals: Record<string, HeatingWriteRefusal> = {
  ...stopRefusals,
  ...resumeRefusals,
  ...complaintRefusals,
  HEATING_RESUME_STARTED: 'resume_started',
  SLOT_UNAVAILABLE: 'slot_unavailable',
  HEATING_STOP_NOT_FOUND: 'not_found',
  HEATING_COMPLAINT_NOT_FOUND: 'not_found',
  NOT_HEATING_ACCOUNT: 'not_heating',
  ACCOUNT_NOT_FOUND: 'not_heating',
}

/** A rule's refusal (4xx with a known code) becomes HeatingRefused; anything else stays. */
function refusalOf(err: unknown): HeatingRefused | null {
  if (!(err instanceof UpstreamError) || err.kind !== 'rejected' || !err.upstreamCode) return null
  const reason = writeRefusals[err.upstreamCode]
  return reason ? new HeatingRefused(reason) : null
}

/** Reads answer null for an account billing has no heating for. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (err) {
    const refused = refusalOf(err)
    if (refused?.reason === 'not_heating' || refused?.reason === 'not_found') return null
    throw err
  }
}

async function orRefused<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    throw refusalOf(err) ?? err
  }
}

const accountPath = (accountNo: string) => `/billing/v1/accounts/${encodeURIComponent(accountNo)}`

/**
 * 报停 / 恢复供暖 and 室温不达标 over bff/contracts/billing-heating-*.ts, on the billing client.
 * Writes carry their own id as the Idempotency-Key, so a retry after a timeout answers the
 * original application or complaint.
 */
export class BillingHeatingAdapter implements HeatingDesk {
  constructor(private readonly client: UpstreamClient) {}

  stops(accountNo: string): Promise<HeatingStopState | null> {
    return orNull(async () =>
      stopStateOf(
        await this.client.call({
          operation: 'getHeatingStops',
          method: 'GET',
          path: `${accountPath(accountNo)}/heating-stops`,
          response: HeatingStops,
        }),
      ),
    )
  }

  applyStop(
    accountNo: string,
    request: { applicationId: string; kind: 'stop' | 'resume'; seasonYear: number },
  ): Promise<HeatingApplicationRecord> {
    return orRefused(async () =>
      applicationOf(
        await this.client.call({
          operation: 'applyHeatingStop',
          method: 'POST',
          path: `${accountPath(accountNo)}/heating-stops`,
          body: request,
          idempotencyKey: request.applicationId,
          response: HeatingStopApplication,
        }),
      ),
    )
  }

  cancelStop(accountNo: string, applicationId: string): Promise<HeatingApplicationRecord> {
    return orRefused(async () =>
      applicationOf(
        await this.client.call({
          operation: 'cancelHeatingStop',
          method: 'POST',
          path: `${accountPath(accountNo)}/heating-stops/${encodeURIComponent(applicationId)}/cancel`,
          idempotencyKey: applicationId,
          response: HeatingStopApplication,
        }),
      ),
    )
  }

  complaints(accountNo: string): Promise<HeatingComplaintState | null> {
    return orNull(async () => {
      const view = await this.client.call({
        operation: 'getHeatingComplaints',
        method: 'GET',
        path: `${accountPath(accountNo)}/heating-complaints`,
        response: HeatingComplaints,
      })
      return {
        asOf: view.asOf,
        season: { ...view.season },
        refusal: view.refusal === null ? null : complaintRefusals[view.refusal],
        rule: { ...view.rule, bands: view.rule.bands.map((b) => ({ ...b })) },
        slots: view.slots.map((s) => ({ ...s })),
        complaints: view.complaints.map(complaintOf),
      }
    })
  }

  reportComplaint(
    accountNo: string,
    request: {
      complaintId: string
      reportedTenths: number
      slotId: string
      photoRef: string | null
    },
  ): Promise<HeatingComplaintRecord> {
    return orRefused(async () =>
      complaintOf(
        await this.client.call({
          operation: 'reportHeatingComplaint',
          method: 'POST',
          path: `${accountPath(accountNo)}/heating-complaints`,
          body: request,
          idempotencyKey: request.complaintId,
          response: HeatingComplaint,
        }),
      ),
    )
  }
}

function applicationOf(a: HeatingStopApplication): HeatingApplicationRecord {
  return {
    applicationId: a.applicationId,
    kind: a.kind,
    season: { ...a.season },
    status: a.status,
    appliedAt: a.appliedAt,
    cancelledAt: a.cancelledAt,
    cancelUntil: a.cancelUntil,
    heatedFrom: a.heatedFrom,
    areaDm2: a.areaDm2,
    fullFeeFen: a.fullFeeFen,
    stoppedFeeFen: a.stoppedFeeFen,
    stoppedFeePercent: a.stoppedFeePercent,
    seasonFeeFen: a.seasonFeeFen,
  }
}

function stopStateOf(view: HeatingStops): HeatingStopState {
  const { window, quote, resume } = view
  return {
    asOf: view.asOf,
    stop: {
      season: { ...window.season },
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      open: window.open,
      refusal: view.refusal === null ? null : stopRefusals[view.refusal],
      ...quote,
    },
    resume: {
      season: { ...resume.season },
      opensAt: resume.opensAt,
      closesAt: resume.closesAt,
      leadDays: resume.leadDays,
      refusal: resume.refusal === null ? null : resumeRefusals[resume.refusal],
      heatedFrom: resume.heatedFrom,
      currentFeeFen: resume.currentFeeFen,
      resumedFeeFen: resume.resumedFeeFen,
    },
    applications: view.applications.map(applicationOf),
  }
}

function complaintOf(c: HeatingComplaint): HeatingComplaintRecord {
  return {
    complaintId: c.complaintId,
    season: { ...c.season },
    reportedAt: c.reportedAt,
    reportedTenths: c.reportedTenths,
    photoRef: c.photoRef,
    visit: { ...c.visit },
    status: c.status,
    measurement: c.measurement && { ...c.measurement },
    fixedAt: c.fixedAt,
    compensation: c.compensation && { ...c.compensation },
  }
}
