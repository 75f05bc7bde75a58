import { createHash } from 'node:crypto'
import {
  fenToYuanString,
  type AccountChange,
  type AccountChanges,
  type CreateAccountChangeRequest,
} from '@gh/shared'
import { AppError } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import { UpstreamError } from '../platform/upstream-client'
import {
  AccountChangeRefused,
  type AccountChangeRecord,
  type AccountChangesPort,
  type SubmitAccountChange,
} from '../upstream/customers/account-changes-port'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { AccountChangeStore } from './account-change-store'
import { changeView } from './change-view'

/** The photo service's part this feature uses: document photos are claimed like repairs'. */
export interface DocumentPhotos {
  check(accountNo: string, photoIds: readonly string[], ref?: string): Promise<void>
  claim(accountNo: string, photoIds: readonly string[], ref: string): Promise<void>
}

/** Told once per decided request, to the resident who made it. */
export interface AccountChangeNotices {
  decided(event: { accountNo: string; userId: string; change: AccountChange }): Promise<void>
}

export interface AccountChangeDeps {
  changes: AccountChangesPort
  /** Uncached: a 销户 must see a payment made a moment ago. */
  billing: BillingReads
  photos: DocumentPhotos
  store: AccountChangeStore
  /** Closes every binding of the account (BindingService.revokeAccount). */
  revokeBindings(accountNo: string): Promise<string[]>
  notices: AccountChangeNotices
  /** Drops the account's cached reads (holder, status) after a decision changed them. */
  invalidate(accountNo: string): Promise<void>
  logger: Logger
  now: () => Date
}

const documentKinds = { property: 'property_certificate', id_card: 'id_card' } as const

/** The CIS's id for our request, from the account and the resident's Idempotency-Key. */
function changeIdOf(accountNo: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${accountNo}:${idempotencyKey}`).digest('hex')
  return `AC${digest.slice(0, 30)}`
}

async function fromCis<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    if (err instanceof UpstreamError) {
      throw new AppError('ACCOUNT_CHANGES_UNAVAILABLE', { message: err.message, cause: err })
    }
    throw err
  }
}

/**
 * 过户 / 销户 / 信息变更: the request with its document photos goes to the CIS, which decides it.
 * When a decision is seen (on a read, before a new binding, or by the sync job) its effect here
 * is applied once: an approved 过户 or 销户 closes every binding of the account, and the
 * resident who asked is told the result.
 */
export class AccountChangeService {
  constructor(private readonly deps: AccountChangeDeps) {}

  async list(accountNo: string): Promise<AccountChanges> {
    const records = await this.records(accountNo)
    await this.settle(accountNo, records)
    const open = records.some((r) => r.state === 'submitted' || r.state === 'reviewing')
    return {
      accountNo,
      asOf: toShanghaiIso(this.deps.now()),
      canApply: !open,
      reason: open ? '有一件申请正在办理，办结后可以再申请' : null,
      changes: records.map(changeView),
    }
  }

  async submit(
    accountNo: string,
    userId: string,
    idempotencyKey: string,
    request: CreateAccountChangeRequest,
  ): Promise<AccountChange> {
    const changeId = changeIdOf(accountNo, idempotencyKey)
    if (await this.deps.store.find(changeId)) {
      const earlier = (await this.records(accountNo)).find((r) => r.changeId === changeId)
      if (earlier) return changeView(earlier)
    }
    if (request.kind === 'close') await this.assertNothingOwed(accountNo)
    const photoIds = request.documents.map((d) => d.photoId)
    // Checked before the CIS sees the request, claimed once it has its id.
    await this.deps.photos.check(accountNo, photoIds, changeId)
    const submit: SubmitAccountChange = {
      changeId,
      kind: request.kind,
      documents: request.documents.map((d) => ({ kind: documentKinds[d.kind], ref: d.photoId })),
    }
    if (request.kind === 'transfer') {
      const { name, idNumber, phone } = request.newHolder
      submit.transfer = { holderName: name, idNumber, phone }
    }
    if (request.kind === 'update') {
      submit.update = {
        ...(request.phone ? { phone: request.phone } : {}),
        ...(request.mailingAddress ? { mailingAddress: request.mailingAddress } : {}),
      }
    }
    let record: AccountChangeRecord
    try {
      record = await fromCis(() => this.deps.changes.submit(accountNo, submit))
    } catch (err) {
      if (!(err instanceof AccountChangeRefused)) throw err
      if (err.reason === 'unpaid') await this.assertNothingOwed(accountNo)
      throw new AppError(
        err.reason === 'open'
          ? 'ACCOUNT_CHANGE_OPEN'
          : err.reason === 'closed'
            ? 'ACCOUNT_CLOSED'
            : 'ACCOUNT_CHANGE_UNPAID',
      )
    }
    await this.deps.photos.claim(accountNo, photoIds, changeId)
    await this.deps.store.add({
      changeId,
      accountNo,
      userId,
      kind: request.kind,
      state: record.state,
      photoIds: photoIds.join(','),
      createdAt: this.deps.now(),
      settledAt: null,
    })
    return changeView(record)
  }

  /** Applies the decisions the CIS has made on the account's requests; before a new binding. */
  async sync(accountNo: string): Promise<void> {
    const rows = await this.deps.store.ofAccount(accountNo)
    if (!rows.some((r) => r.settledAt === null)) return
    await this.settle(accountNo, await this.records(accountNo))
  }

  /** The sync job: every account with a request not yet settled here. */
  async runOnce(): Promise<{ accounts: number }> {
    const accounts = await this.deps.store.unsettledAccounts(200)
    for (const accountNo of accounts) {
      try {
        await this.sync(accountNo)
      } catch (err) {
        this.deps.logger.warn({ err }, 'account change sync failed for one account')
      }
    }
    return { accounts: accounts.length }
  }

  private async records(accountNo: string): Promise<AccountChangeRecord[]> {
    const records = await fromCis(() => this.deps.changes.list(accountNo))
    if (!records) throw new AppError('ACCOUNT_CHANGES_UNAVAILABLE', { message: 'unknown account' })
    return records
  }

  /** Owed money blocks a 销户; the refusal names the amount. */
  private async assertNothingOwed(accountNo: string): Promise<void> {
    const summary = await this.deps.billing.summary(accountNo)
    if (!summary) return
    const meterDebt = Math.max(0, -(summary.balanceFen ?? 0))
    const owed = summary.amountDueFen + meterDebt
    if (owed > 0) {
      throw new AppError('ACCOUNT_CHANGE_UNPAID', {
        message: 'close refused: money owed',
        userMessage: `该户还有${fenToYuanString(owed)}元费用未缴清，请先缴清再办理销户`,
      })
    }
  }

  private async settle(accountNo: string, records: AccountChangeRecord[]): Promise<void> {
    for (const record of records) {
      const row = await this.deps.store.find(record.changeId)
      if (!row || row.settledAt !== null) continue
      if (record.state === 'submitted' || record.state === 'reviewing') {
        if (row.state !== record.state) await this.deps.store.setState(row.changeId, record.state)
        continue
      }
      // Told first, while the resident who asked is still bound and so gets it in the inbox;
      // the event's key makes a repeat after a failure below a no-op.
      try {
        await this.deps.notices.decided({
          accountNo,
          userId: row.userId,
          change: changeView(record),
        })
      } catch (err) {
        this.deps.logger.warn({ err, kind: record.kind }, 'account change notice failed')
      }
      const closesBindings =
        record.state === 'approved' && (record.kind === 'transfer' || record.kind === 'close')
      // Another run may have settled it meanwhile, and a new holder bound since: look again.
      if (closesBindings && (await this.deps.store.find(row.changeId))?.settledAt === null) {
        await this.deps.revokeBindings(accountNo)
      }
      if (record.state === 'approved') await this.deps.invalidate(accountNo)
      await this.deps.store.settle(row.changeId, record.state, this.deps.now())
    }
  }
}
