import type { ChangeList, ChangeRecord, ChangeRequest } from '../../../contracts/customers-changes'
import type { CustomerAccount } from '../../../contracts/customers'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { idempotencyMismatch } from '../meters/idempotency'
import type { AccountDirectory } from './directory'

/** A clerk takes a request up this long after it arrives… */
export const REVIEW_AFTER_MS = 2 * 3600_000
/** …and decides it this long after it arrives, unless the developer endpoint decides first. */
export const DECIDE_AFTER_MS = 24 * 3600_000

/** What a 销户 needs from billing and the meter platform, which are built after the CIS. */
export interface AccountLedger {
  /** Everything owed now (bills due or not, a prepaid meter below zero), in fen. */
  amountDueFen(account: CustomerAccount): number
  /** Pays the remaining prepaid credit back and empties it; the amount refunded, in fen. */
  refundCredit(account: CustomerAccount, atMs: number): number
}

interface Stored {
  fingerprint: string
  record: ChangeRecord
  submittedAtMs: number
  /** A decision given through the developer endpoint, applied at once. */
  forced: { approve: boolean; reason: string | null } | null
}

const yuan = (fen: number): string => (fen / 100).toFixed(2)

function unpaidRefusal(amountFen: number): SandboxError {
  return new SandboxError(
    422,
    'ACCOUNT_HAS_UNPAID',
    `该户还有${yuan(amountFen)}元费用未缴清，请先缴清再办理销户`,
  )
}

/**
 * 过户 / 销户 / 信息变更 at the CIS. Where a request stands follows the sandbox clock (reviewing
 * after REVIEW_AFTER_MS, decided after DECIDE_AFTER_MS); a decision takes effect the first time
 * anything reads the account after it came due, so billing and the meters see the new holder or
 * the closed account as soon as the CIS does.
 */
export class ChangeDesk {
  private readonly byId = new Map<string, Stored>()
  private readonly byAccount = new Map<string, Stored[]>()
  private ledger: AccountLedger | null = null
  private applying = false

  constructor(
    private readonly directory: AccountDirectory,
    private readonly clock: SandboxClock,
  ) {
    directory.onBeforeRead((accountNo) => this.advance(accountNo))
  }

  attachLedger(ledger: AccountLedger): void {
    this.ledger = ledger
  }

  list(accountNo: string): ChangeList {
    this.account(accountNo)
    const records = (this.byAccount.get(accountNo) ?? []).map((s) => ({ ...s.record }))
    return {
      accountNo,
      asOf: toShanghaiIso(this.clock.nowMs()),
      changes: records.reverse(),
    }
  }

  get(accountNo: string, changeId: string): ChangeRecord {
    this.account(accountNo)
    const stored = this.byId.get(changeId)
    if (!stored || stored.record.accountNo !== accountNo) {
      throw new SandboxError(404, 'CHANGE_NOT_FOUND', '变更申请不存在')
    }
    return { ...stored.record }
  }

  submit(accountNo: string, request: ChangeRequest): { record: ChangeRecord; created: boolean } {
    const account = this.account(accountNo)
    const fingerprint = JSON.stringify([accountNo, request])
    const seen = this.byId.get(request.changeId)
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw idempotencyMismatch()
      return { record: { ...seen.record }, created: false }
    }
    if (account.closedAt) throw new SandboxError(422, 'ACCOUNT_CLOSED', '该户已销户')
    const open = (this.byAccount.get(accountNo) ?? []).some(
      (s) => s.record.status === 'submitted' || s.record.status === 'reviewing',
    )
    if (open) throw new SandboxError(409, 'CHANGE_OPEN', '该户已有一件变更申请正在办理')
    if (request.kind === 'transfer' && !request.transfer) throw detailsMissing()
    if (request.kind === 'update' && !request.update) throw detailsMissing()
    if (request.kind === 'close') {
      const due = this.requireLedger().amountDueFen(account)
      if (due > 0) throw unpaidRefusal(due)
    }
    const now = this.clock.nowMs()
    const record: ChangeRecord = {
      changeId: request.changeId,
      accountNo,
      kind: request.kind,
      status: 'submitted',
      submittedAt: toShanghaiIso(now),
      reviewingAt: null,
      decidedAt: null,
      rejectionCode: null,
      rejectionReason: null,
      documents: request.documents.map((d) => ({ ...d })),
      transfer: request.kind === 'transfer' && request.transfer ? { ...request.transfer } : null,
      update:
        request.kind === 'update' && request.update
          ? {
              phone: request.update.phone ?? null,
              mailingAddress: request.update.mailingAddress ?? null,
            }
          : null,
      refundFen: null,
      amountDueFen: null,
    }
    const stored: Stored = { fingerprint, record, submittedAtMs: now, forced: null }
    this.byId.set(request.changeId, stored)
    const list = this.byAccount.get(accountNo)
    if (list) list.push(stored)
    else this.byAccount.set(accountNo, [stored])
    return { record: { ...record }, created: true }
  }

  /** The developer endpoint: decides an undecided request now. */
  decide(changeId: string, approve: boolean, reason: string | null): ChangeRecord {
    const stored = this.byId.get(changeId)
    if (!stored) throw new SandboxError(404, 'CHANGE_NOT_FOUND', '变更申请不存在')
    const { accountNo } = stored.record
    this.advance(accountNo)
    if (stored.record.status === 'approved' || stored.record.status === 'rejected') {
      throw new SandboxError(409, 'CHANGE_DECIDED', '该申请已经办结')
    }
    stored.forced = { approve, reason }
    this.advance(accountNo)
    return { ...stored.record }
  }

  private account(accountNo: string): CustomerAccount {
    const account = this.directory.get(accountNo)
    if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
    return account
  }

  private requireLedger(): AccountLedger {
    if (!this.ledger) throw new SandboxError(503, 'SERVICE_UNAVAILABLE', '账务系统未就绪')
    return this.ledger
  }

  /** Moves the account's requests to where the clock says they are, applying decisions. */
  private advance(accountNo: string): void {
    const list = this.byAccount.get(accountNo)
    if (!list || this.applying) return
    this.applying = true
    try {
      const now = this.clock.nowMs()
      for (const stored of list) this.step(stored, now)
    } finally {
      this.applying = false
    }
  }

  private step(stored: Stored, now: number): void {
    const { record } = stored
    if (record.status === 'approved' || record.status === 'rejected') return
    const reviewAt = stored.submittedAtMs + REVIEW_AFTER_MS
    if (record.status === 'submitted' && (now >= reviewAt || stored.forced)) {
      record.status = 'reviewing'
      record.reviewingAt = toShanghaiIso(Math.min(now, reviewAt))
    }
    const decideAt = stored.submittedAtMs + DECIDE_AFTER_MS
    if (!stored.forced && now < decideAt) return
    const at = stored.forced ? now : decideAt
    record.decidedAt = toShanghaiIso(at)
    if (stored.forced && !stored.forced.approve) {
      this.reject(record, 'CHANGE_REJECTED', stored.forced.reason ?? '材料不齐全，请补充后重新申请')
      return
    }
    const account = this.directory.stored(record.accountNo)
    if (!account) return
    if (record.kind === 'close') {
      const ledger = this.requireLedger()
      const due = ledger.amountDueFen(account)
      if (due > 0) {
        record.amountDueFen = due
        this.reject(record, 'ACCOUNT_HAS_UNPAID', unpaidRefusal(due).message)
        return
      }
      record.refundFen = ledger.refundCredit(account, at)
      this.directory.replace({ ...account, status: 'suspended', closedAt: toShanghaiIso(at) })
    } else if (record.kind === 'transfer' && record.transfer) {
      this.directory.replace({
        ...account,
        holderName: record.transfer.holderName,
        phone: record.transfer.phone,
        idNumber: record.transfer.idNumber,
        holderSince: toShanghaiIso(at),
      })
    } else if (record.kind === 'update' && record.update) {
      this.directory.replace({
        ...account,
        phone: record.update.phone ?? account.phone,
        mailingAddress: record.update.mailingAddress ?? account.mailingAddress ?? null,
      })
    }
    record.status = 'approved'
  }

  private reject(record: ChangeRecord, code: string, reason: string): void {
    record.status = 'rejected'
    record.rejectionCode = code
    record.rejectionReason = reason
  }
}

function detailsMissing(): SandboxError {
  return new SandboxError(422, 'CHANGE_DETAILS_MISSING', '请填写变更内容')
}
