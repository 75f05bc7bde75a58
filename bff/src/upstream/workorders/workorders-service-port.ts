/**
 * The work-order system's 通气点火 visits and its service desks' help alerts, in our own words.
 * Times are ISO strings with offset.
 */

export interface IgnitionRecord {
  accountNo: string
  status: 'open' | 'booked' | 'done'
  slots: { slotId: string; date: string; window: 'am' | 'pm'; from: string; available: boolean }[]
  booking: { slotId: string; from: string; to: string; technician: string } | null
  result: {
    doneAt: string
    passed: boolean
    items: { label: string; passed: boolean }[]
    note: string
  } | null
}

/** Why the work-order system turned an ignition booking down. */
export class IgnitionRefused extends Error {
  constructor(readonly reason: 'slot_unavailable' | 'done') {
    super(`ignition refused: ${reason}`)
    this.name = 'IgnitionRefused'
  }
}

export interface IgnitionPort {
  /** Null for an account no new connection opened (its gas is on already). */
  view(accountNo: string): Promise<IgnitionRecord | null>
  book(accountNo: string, slotId: string): Promise<IgnitionRecord>
}

export interface HelpDeskAlert {
  deskRef: string
  /** '新华区燃气服务站' */
  desk: string
  receivedAt: string
  acknowledgedBy: string | null
  acknowledgedAt: string | null
}

export interface HelpDeskPort {
  /** Idempotent by `requestId`. */
  send(alert: {
    requestId: string
    accountNo: string
    kind: 'help' | 'gas_smell'
    address: string
    areaCode: string
    location: { latitude: number; longitude: number } | null
    raisedAt: string
  }): Promise<HelpDeskAlert>
  find(deskRef: string): Promise<HelpDeskAlert>
}
