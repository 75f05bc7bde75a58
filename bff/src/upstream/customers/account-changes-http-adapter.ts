import { ChangeList, ChangeRecord, type ChangeRequest } from '../../../contracts/customers-changes'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  AccountChangeRefused,
  type AccountChangeRecord,
  type AccountChangeRefusal,
  type AccountChangesPort,
  type SubmitAccountChange,
} from './account-changes-port'

const refusals: Record<string, AccountChangeRefusal> = {
  ACCOUNT_HAS_UNPAID: 'unpaid',
  CHANGE_OPEN: 'open',
  ACCOUNT_CLOSED: 'closed',
}

/** The CIS's change requests over the documented HTTP contract. */
export class AccountChangesHttpAdapter implements AccountChangesPort {
  constructor(private readonly client: UpstreamClient) {}

  async submit(accountNo: string, request: SubmitAccountChange): Promise<AccountChangeRecord> {
    const body: ChangeRequest = { ...request }
    try {
      const record = await this.client.call({
        operation: 'submitChange',
        method: 'POST',
        path: `/customers/v1/accounts/${encodeURIComponent(accountNo)}/changes`,
        body,
        idempotencyKey: request.changeId,
        response: ChangeRecord,
      })
      return recordOf(record)
    } catch (err) {
      const reason =
        err instanceof UpstreamError && err.kind === 'rejected' && err.upstreamCode
          ? refusals[err.upstreamCode]
          : undefined
      if (reason) throw new AccountChangeRefused(reason)
      throw err
    }
  }

  async list(accountNo: string): Promise<AccountChangeRecord[] | null> {
    try {
      const list = await this.client.call({
        operation: 'listChanges',
        method: 'GET',
        path: `/customers/v1/accounts/${encodeURIComponent(accountNo)}/changes`,
        response: ChangeList,
      })
      return list.changes.map(recordOf)
    } catch (err) {
      if (err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404) return null
      throw err
    }
  }
}

function recordOf(record: ChangeRecord): AccountChangeRecord {
  return {
    changeId: record.changeId,
    accountNo: record.accountNo,
    kind: record.kind,
    state: record.status,
    submittedAt: record.submittedAt,
    reviewingAt: record.reviewingAt,
    decidedAt: record.decidedAt,
    rejectionReason: record.rejectionReason,
    documentCount: record.documents.length,
    transfer: record.transfer && {
      holderName: record.transfer.holderName,
      phone: record.transfer.phone,
    },
    update: record.update,
    refundFen: record.refundFen,
  }
}
