/**
 * 过户 / 销户 / 信息变更 at the CIS, in our own words. The CIS keeps the requests and decides them;
 * the document photos stay with us (the CIS gets their references only).
 */

export type AccountChangeKind = 'transfer' | 'close' | 'update'
export type AccountChangeState = 'submitted' | 'reviewing' | 'approved' | 'rejected'
export type ChangeDocumentKind = 'property_certificate' | 'purchase_contract' | 'id_card'

export interface SubmitAccountChange {
  /** Our id for the request, also the CIS's idempotency key. */
  changeId: string
  kind: AccountChangeKind
  documents: { kind: ChangeDocumentKind; ref: string }[]
  transfer?: { holderName: string; idNumber: string; phone: string }
  update?: { phone?: string; mailingAddress?: string }
}

/** A request as the CIS has it now; unmasked, BFF-internal (the new holder's ID is left out). */
export interface AccountChangeRecord {
  changeId: string
  accountNo: string
  kind: AccountChangeKind
  state: AccountChangeState
  submittedAt: string
  reviewingAt: string | null
  decidedAt: string | null
  rejectionReason: string | null
  documentCount: number
  transfer: { holderName: string; phone: string } | null
  update: { phone: string | null; mailingAddress: string | null } | null
  refundFen: number | null
}

export type AccountChangeRefusal = 'unpaid' | 'open' | 'closed'

/** The CIS turned a request down for a rule of its own (not a fault: do not retry). */
export class AccountChangeRefused extends Error {
  constructor(readonly reason: AccountChangeRefusal) {
    super(`customers refused the change: ${reason}`)
    this.name = 'AccountChangeRefused'
  }
}

export interface AccountChangesPort {
  /** The same changeId answers the first record. Throws AccountChangeRefused. */
  submit(accountNo: string, request: SubmitAccountChange): Promise<AccountChangeRecord>
  /** Newest first; null when the CIS does not know the account. */
  list(accountNo: string): Promise<AccountChangeRecord[] | null>
}
