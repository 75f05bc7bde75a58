/**
 * 报装 in the CIS, in our own words: an application and where the field work has got to. The
 * CIS opens the account when the meter is installed. Times are ISO strings with offset.
 */

export type ConnectionStage = 'submitted' | 'surveyed' | 'meter_installed' | 'ignited'

export interface ConnectionRecord {
  applicationId: string
  stage: ConnectionStage
  applicantName: string
  /** The whole address; masked before any resident sees it. */
  address: string
  appliedAt: string
  surveyedAt: string | null
  installedAt: string | null
  ignitedAt: string | null
  accountNo: string | null
  fromAccountNo: string | null
}

export interface NewConnection {
  /** Ours, derived from the resident's Idempotency-Key: a retry answers the first. */
  requestId: string
  applicantName: string
  phone: string
  district: string
  addressDetail: string
  /** Where the document photos are kept (our photo ids), by kind. */
  documentRefs: { kind: string; ref: string }[]
  fromAccountNo: string | null
}

/** The CIS refused the district: the utility does not supply it. */
export class DistrictNotServed extends Error {
  constructor() {
    super('district not served')
    this.name = 'DistrictNotServed'
  }
}

export interface ConnectionsPort {
  apply(request: NewConnection): Promise<ConnectionRecord>
  /** Null when the CIS has no such application. */
  find(applicationId: string): Promise<ConnectionRecord | null>
}
