import type { CreateHeatingComplaintRequest, HeatingComplaint, HeatingComplaints } from '@gh/shared'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import { HeatingRefused } from '../upstream/billing/billing-heating-port'
import { complaintView, ruleView, slotView } from './complaint-view'
import { codeOf, complaintReason, fromBilling, refusedError } from './heating-refusals'
import { upstreamId, type HeatingDeps } from './heating-ports'
import { seasonOf } from './heating-service'
import { localDate } from './heating-words'

/** A few times to choose from, soonest first: more is more to read, not more help. */
const SLOTS_SHOWN = 6

/**
 * 室温不达标: the rule shown before a report (with this home's daily fee), the report with its
 * thermometer reading and optional photo, the measurement visit, and the compensation after.
 */
export class HeatingComplaintService {
  constructor(private readonly deps: HeatingDeps) {}

  async list(accountNo: string): Promise<HeatingComplaints> {
    const state = await this.state(accountNo)
    const asOf = toShanghaiIso(new Date(state.asOf))
    const { refusal } = state
    const complaints = state.complaints.map((c) => complaintView(c, state.rule, c.photoRef))
    for (const complaint of complaints) {
      if (complaint.compensation?.credited) {
        await this.deps.notices.compensationCredited({ accountNo, complaint })
      }
    }
    return {
      accountNo,
      asOf,
      season: seasonOf(state.season.startsOn, state.season.endsOn, localDate(asOf)),
      report: {
        canApply: refusal === null,
        code: refusal && codeOf(refusal),
        reason: refusal && complaintReason(refusal, state),
      },
      rule: ruleView(state.rule),
      slots: state.slots.slice(0, SLOTS_SHOWN).map(slotView),
      complaints,
    }
  }

  async get(accountNo: string, complaintId: string): Promise<HeatingComplaint> {
    const state = await this.state(accountNo)
    const found = state.complaints.find((c) => c.complaintId === complaintId)
    if (!found) throw new AppError('HEATING_COMPLAINT_NOT_FOUND')
    return complaintView(found, state.rule, found.photoRef)
  }

  async report(
    accountNo: string,
    userId: string,
    idempotencyKey: string,
    request: CreateHeatingComplaintRequest,
  ): Promise<HeatingComplaint> {
    const state = await this.state(accountNo)
    const complaintId = upstreamId('HC', accountNo, idempotencyKey)
    const earlier = state.complaints.find((c) => c.complaintId === complaintId)
    if (earlier) return complaintView(earlier, state.rule, earlier.photoRef)
    if (state.refusal) throw refusedError(state.refusal, complaintReason(state.refusal, state))
    if (!state.slots.some((s) => s.slotId === request.slotId)) {
      throw new AppError('HEATING_SLOT_UNAVAILABLE')
    }
    const photoIds = request.photoId ? [request.photoId] : []
    // Checked before billing books the visit, claimed once the complaint has its id.
    if (photoIds.length > 0) await this.deps.photos.check(accountNo, photoIds, complaintId)
    let record
    try {
      record = await fromBilling(() =>
        this.deps.heating.reportComplaint(accountNo, {
          complaintId,
          reportedTenths: request.temperatureTenths,
          slotId: request.slotId,
          photoRef: request.photoId ?? null,
        }),
      )
    } catch (err) {
      if (!(err instanceof HeatingRefused)) throw err
      throw refusedError(err.reason)
    }
    await this.deps.photos.claim(accountNo, photoIds, complaintId)
    const complaint = complaintView(record, state.rule, record.photoRef)
    await this.deps.notices.visitBooked({ accountNo, userId, complaint })
    return complaint
  }

  private async state(accountNo: string) {
    const state = await fromBilling(() => this.deps.heating.complaints(accountNo))
    if (!state) throw new AppError('NOT_HEATING_ACCOUNT')
    return state
  }
}
