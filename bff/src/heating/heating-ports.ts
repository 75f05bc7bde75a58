import { createHash } from 'node:crypto'
import type { HeatingApplication, HeatingComplaint } from '@gh/shared'
import type { Logger } from '../platform/logger'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { HeatingDesk } from '../upstream/billing/billing-heating-port'

/** The photo service's part the heating feature uses: thermometer photos are claimed like repairs'. */
export interface ThermometerPhotos {
  check(accountNo: string, photoIds: readonly string[], ref?: string): Promise<void>
  claim(accountNo: string, photoIds: readonly string[], ref: string): Promise<void>
}

/**
 * What the resident is told: the notification service in the composition root
 * (notifications/service-results.ts); LoggedHeatingNotices where none is given.
 */
export interface HeatingNotices {
  applicationChanged(event: {
    accountNo: string
    userId: string
    application: HeatingApplication
  }): Promise<void>
  visitBooked(event: {
    accountNo: string
    userId: string
    complaint: HeatingComplaint
  }): Promise<void>
  /** A complaint's compensation is on a bill now; called whenever it is seen so, sent once. */
  compensationCredited(event: { accountNo: string; complaint: HeatingComplaint }): Promise<void>
}

export class LoggedHeatingNotices implements HeatingNotices {
  constructor(private readonly logger: Logger) {}

  async applicationChanged(event: { application: HeatingApplication }): Promise<void> {
    const { applicationId, kind, status } = event.application
    this.logger.info({ applicationId, kind, status }, 'heating application notice (not sent)')
  }

  async visitBooked(event: { complaint: HeatingComplaint }): Promise<void> {
    const { complaintId, visit } = event.complaint
    this.logger.info({ complaintId, slotId: visit.slotId }, 'heating visit notice (not sent)')
  }

  async compensationCredited(event: { complaint: HeatingComplaint }): Promise<void> {
    const { complaintId } = event.complaint
    this.logger.info({ complaintId }, 'heating compensation notice (not sent)')
  }
}

export interface HeatingDeps {
  /** Uncached: the page shows what a 报停 just did to the bill. */
  billing: BillingReads
  heating: HeatingDesk
  photos: ThermometerPhotos
  notices: HeatingNotices
  /** Drops the account's cached summary and bills, which a 报停 / 恢复 re-charges. */
  invalidate(accountNo: string): Promise<void>
}

/**
 * Billing's id for a write, from the account and the resident's Idempotency-Key: a retry after
 * a lost answer sends billing the same id, which billing answers with the first result.
 */
export function upstreamId(prefix: string, accountNo: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${accountNo}:${idempotencyKey}`).digest('hex')
  return `${prefix}${digest.slice(0, 30)}`
}
