import {
  Inspection as ContractInspection,
  InspectionList,
} from '../../../contracts/workorders-inspections'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  InspectionRefused,
  type HomeInspections,
  type InspectionRecord,
  type InspectionRefusal,
  type InspectionsPort,
} from './inspections-port'

const REFUSALS: Record<string, InspectionRefusal> = {
  INSPECTION_NOT_FOUND: 'not_found',
  SLOT_UNAVAILABLE: 'slot_unavailable',
  INSPECTION_ALREADY_BOOKED: 'already_booked',
  INSPECTION_CLOSED: 'closed',
  NOT_A_GAS_ACCOUNT: 'not_gas',
  IDEMPOTENCY_MISMATCH: 'idempotency_mismatch',
}

/** The system's inspection ids; anything else cannot name one, so it is not sent at all. */
const INSPECTION_ID = /^IN\d{13}$/

function recordOf(i: ContractInspection): InspectionRecord {
  return {
    inspectionId: i.inspectionId,
    kind: i.kind,
    status: i.status,
    slot: i.slot,
    from: i.from,
    completedAt: i.completedAt,
    findings: i.findings,
    supplyRestored: i.supplyRestored,
  }
}

/** 入户安检 over the inspection operations of bff/contracts/workorders.ts. */
export class InspectionsHttpAdapter implements InspectionsPort {
  constructor(private readonly client: UpstreamClient) {}

  async of(accountNo: string): Promise<HomeInspections> {
    const list = await this.client.call({
      operation: 'listInspections',
      method: 'GET',
      path: '/workorders/v1/inspections',
      query: { accountNo },
      response: InspectionList,
    })
    return {
      supplySuspended: list.supplySuspended,
      appliances: list.appliances.map(({ kind, model, installedOn }) => ({
        kind,
        model,
        installedOn,
      })),
      inspections: list.inspections.map(recordOf),
    }
  }

  book(request: Parameters<InspectionsPort['book']>[0]): Promise<InspectionRecord> {
    return this.write('bookInspection', '/workorders/v1/inspections', request, request.requestId)
  }

  reschedule(
    inspectionId: string,
    request: Parameters<InspectionsPort['reschedule']>[1],
  ): Promise<InspectionRecord> {
    return this.write(
      'rescheduleInspection',
      `${this.path(inspectionId)}/reschedule`,
      request,
      request.requestId,
    )
  }

  cancel(inspectionId: string, requestId: string): Promise<InspectionRecord> {
    return this.write(
      'cancelInspection',
      `${this.path(inspectionId)}/cancel`,
      { requestId },
      requestId,
    )
  }

  private path(inspectionId: string): string {
    if (!INSPECTION_ID.test(inspectionId)) throw new InspectionRefused('not_found')
    return `/workorders/v1/inspections/${inspectionId}`
  }

  private async write(
    operation: string,
    path: string,
    body: unknown,
    idempotencyKey: string,
  ): Promise<InspectionRecord> {
    try {
      const answer = await this.client.call({
        operation,
        method: 'POST',
        path,
        body,
        idempotencyKey,
        response: ContractInspection,
      })
      return recordOf(answer)
    } catch (err) {
      if (err instanceof UpstreamError && err.kind === 'rejected' && err.upstreamCode) {
        const reason = REFUSALS[err.upstreamCode]
        if (reason) throw new InspectionRefused(reason)
      }
      throw err
    }
  }
}
