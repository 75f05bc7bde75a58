import {
  DeskAlert,
  IgnitionView,
  type HelpAlertRequest,
} from '../../../contracts/workorders-service'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  IgnitionRefused,
  type HelpDeskAlert,
  type HelpDeskPort,
  type IgnitionPort,
  type IgnitionRecord,
} from './workorders-service-port'

function ignitionOf(v: IgnitionView): IgnitionRecord {
  return {
    accountNo: v.accountNo,
    // The system answers not_ready for a connection still waiting for its meter; we never
    // ask before the account exists, so it reads as open.
    status: v.status === 'not_ready' ? 'open' : v.status,
    slots: v.slots.map(({ slotId, date, window, from, available }) => ({
      slotId,
      date,
      window,
      from,
      available,
    })),
    booking: v.booking ? { ...v.booking } : null,
    result: v.result ? { ...v.result, items: v.result.items.map((i) => ({ ...i })) } : null,
  }
}

const deskAlertOf = (a: DeskAlert): HelpDeskAlert => ({
  deskRef: a.deskRef,
  desk: a.desk,
  receivedAt: a.receivedAt,
  acknowledgedBy: a.acknowledgedBy,
  acknowledgedAt: a.acknowledgedAt,
})

const code = (err: unknown) => (err instanceof UpstreamError ? err.upstreamCode : undefined)

/** 通气点火 and help alerts over bff/contracts/workorders-service.ts, on the work-order client. */
export class WorkOrdersServiceAdapter implements IgnitionPort, HelpDeskPort {
  constructor(private readonly client: UpstreamClient) {}

  async view(accountNo: string): Promise<IgnitionRecord | null> {
    try {
      return ignitionOf(
        await this.client.call({
          operation: 'getIgnition',
          method: 'GET',
          path: `/workorders/v1/ignition/${encodeURIComponent(accountNo)}`,
          response: IgnitionView,
        }),
      )
    } catch (err) {
      if (code(err) === 'NO_CONNECTION') return null
      throw err
    }
  }

  async book(accountNo: string, slotId: string): Promise<IgnitionRecord> {
    try {
      return ignitionOf(
        await this.client.call({
          operation: 'bookIgnition',
          method: 'POST',
          path: `/workorders/v1/ignition/${encodeURIComponent(accountNo)}/booking`,
          body: { slotId },
          idempotencyKey: `${accountNo}:${slotId}`,
          response: IgnitionView,
        }),
      )
    } catch (err) {
      if (code(err) === 'SLOT_UNAVAILABLE') throw new IgnitionRefused('slot_unavailable')
      if (code(err) === 'IGNITION_DONE') throw new IgnitionRefused('done')
      throw err
    }
  }

  async send(alert: HelpAlertRequest): Promise<HelpDeskAlert> {
    return deskAlertOf(
      await this.client.call({
        operation: 'sendHelpAlert',
        method: 'POST',
        path: '/workorders/v1/help-alerts',
        body: alert,
        idempotencyKey: alert.requestId,
        response: DeskAlert,
      }),
    )
  }

  async find(deskRef: string): Promise<HelpDeskAlert> {
    return deskAlertOf(
      await this.client.call({
        operation: 'getHelpAlert',
        method: 'GET',
        path: `/workorders/v1/help-alerts/${encodeURIComponent(deskRef)}`,
        response: DeskAlert,
      }),
    )
  }
}
