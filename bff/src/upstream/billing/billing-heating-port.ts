/**
 * Billing's heating desk in our own words: 报停 / 恢复供暖 applications and 室温不达标 complaints,
 * with the rules' numbers billing applies to this household. BillingHeatingAdapter maps the
 * contract onto these types; times are ISO strings in whatever offset billing wrote them.
 */

export interface HeatingSeasonDates {
  /** The calendar year the season starts in. */
  year: number
  startsOn: string
  endsOn: string
}

export type HeatingStopRefusal =
  'stop_window_closed' | 'in_arrears' | 'suspended' | 'already_stopped' | 'shared_riser'

export type HeatingResumeRefusal =
  'resume_window_closed' | 'not_stopped' | 'already_resuming' | 'in_arrears' | 'suspended'

export type HeatingComplaintRefusal =
  'out_of_season' | 'not_supplied' | 'complaint_open' | 'suspended'

/** Why billing turned a heating write down. */
export type HeatingWriteRefusal =
  | HeatingStopRefusal
  | HeatingResumeRefusal
  | HeatingComplaintRefusal
  | 'resume_started'
  | 'slot_unavailable'
  | 'not_found'
  | 'not_heating'

/** Billing refused a heating write for a rule of its own (not a fault: do not retry). */
export class HeatingRefused extends Error {
  constructor(readonly reason: HeatingWriteRefusal) {
    super(`billing refused: ${reason}`)
    this.name = 'HeatingRefused'
  }
}

export interface HeatingApplicationRecord {
  applicationId: string
  kind: 'stop' | 'resume'
  season: HeatingSeasonDates
  status: 'active' | 'cancelled'
  appliedAt: string
  cancelledAt: string | null
  /** The last moment it may be withdrawn. */
  cancelUntil: string
  /** 恢复供暖: the first day heated again. */
  heatedFrom: string | null
  areaDm2: number
  fullFeeFen: number
  stoppedFeeFen: number
  stoppedFeePercent: number
  /** The season's fee while this application stands. */
  seasonFeeFen: number
}

export interface HeatingStopState {
  /** Billing's own now: the rules run on its clock. */
  asOf: string
  stop: {
    season: HeatingSeasonDates
    opensAt: string
    closesAt: string
    open: boolean
    refusal: HeatingStopRefusal | null
    areaDm2: number
    priceFenPerM2: number
    fullFeeFen: number
    stoppedFeeFen: number
    stoppedFeePercent: number
  }
  resume: {
    season: HeatingSeasonDates
    opensAt: string
    closesAt: string
    leadDays: number
    refusal: HeatingResumeRefusal | null
    heatedFrom: string | null
    currentFeeFen: number
    resumedFeeFen: number | null
  }
  /** Newest first. */
  applications: HeatingApplicationRecord[]
}

export interface VisitSlotRecord {
  slotId: string
  startsAt: string
  endsAt: string
}

export interface HeatingComplaintRecord {
  complaintId: string
  season: HeatingSeasonDates
  reportedAt: string
  reportedTenths: number
  photoRef: string | null
  visit: VisitSlotRecord
  status: 'scheduled' | 'up_to_standard' | 'fixing' | 'resolved'
  measurement: {
    measuredAt: string
    measuredTenths: number
    belowStandard: boolean
    dailyFeePercent: number
  } | null
  fixedAt: string | null
  compensation: {
    fromDate: string
    toDate: string
    days: number
    dailyFeePercent: number
    amountFen: number
    billId: string
    creditOn: string
    credited: boolean
  } | null
}

export interface HeatingComplaintState {
  asOf: string
  season: HeatingSeasonDates
  refusal: HeatingComplaintRefusal | null
  rule: {
    standardTenths: number
    /** Highest bound first. */
    bands: { belowTenths: number; dailyFeePercent: number }[]
    fixWithinDays: number
    areaDm2: number
    priceFenPerM2: number
    seasonDays: number
    dailyFeeFen: number
  }
  slots: VisitSlotRecord[]
  /** Newest first. */
  complaints: HeatingComplaintRecord[]
}

/** What the heating feature reads and writes in billing. */
export interface HeatingDesk {
  /** Null when billing does not know the account or it has no district heating. */
  stops(accountNo: string): Promise<HeatingStopState | null>
  /** Idempotent on applicationId; throws HeatingRefused when a rule says no. */
  applyStop(
    accountNo: string,
    request: { applicationId: string; kind: 'stop' | 'resume'; seasonYear: number },
  ): Promise<HeatingApplicationRecord>
  /** Safe to retry; throws HeatingRefused ('not_found', the window's refusal, 'resume_started'). */
  cancelStop(accountNo: string, applicationId: string): Promise<HeatingApplicationRecord>
  /** Null when billing does not know the account or it has no district heating. */
  complaints(accountNo: string): Promise<HeatingComplaintState | null>
  /** Idempotent on complaintId; throws HeatingRefused when a rule says no. */
  reportComplaint(
    accountNo: string,
    request: {
      complaintId: string
      reportedTenths: number
      slotId: string
      photoRef: string | null
    },
  ): Promise<HeatingComplaintRecord>
}
