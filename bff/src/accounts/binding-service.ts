import type { BindAccountRequest, BoundAccount } from '@gh/shared'
import { rateLimited } from '../auth/rate-limited'
import { AppError } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { AccountBinding } from './account-binding-entity'
import { toAccountSummary } from './account-summary'
import type { BindingAttempts } from './binding-attempts'
import type { BindingRepository } from './binding-repository'

const MAX_BINDINGS_PER_USER = 20

/** One answer for a wrong proof and an unknown account, so account numbers cannot be probed. */
const proofRejected = () =>
  new AppError('BINDING_PROOF_MISMATCH', {
    message: 'binding proof rejected',
    userMessage: '户号或户主信息不正确，请对照账单核对户号、户主姓名和预留手机号后4位',
  })

/**
 * Told when an account's bindings are revoked (and which users lost it, possibly none), so
 * anything that still carries access to the account can drop it: pending capabilities that
 * would bind it (family invites, agent links) are voided before the bindings go.
 */
export type BindingsRevokedListener = (
  accountNo: string,
  userIds: readonly string[],
) => void | Promise<void>

export class BindingService {
  private readonly revokedListeners: BindingsRevokedListener[] = []
  /** Brings the account's holder up to date before anyone binds it (see onBeforeBind). */
  private beforeBind: (accountNo: string) => Promise<void> = async () => undefined

  constructor(
    private readonly bindings: BindingRepository,
    private readonly customers: CustomersPort,
    private readonly attempts: BindingAttempts,
    private readonly now: () => Date,
  ) {}

  async list(userId: string, log: Logger): Promise<BoundAccount[]> {
    const rows = await this.bindings.listForUser(userId)
    return Promise.all(rows.map((row) => this.present(row, log)))
  }

  /** Bind with the holder proof: count the attempt, check the proof with the CIS. */
  bind(userId: string, req: BindAccountRequest, ip: string, log: Logger): Promise<BoundAccount> {
    return this.bindWith(userId, req.accountNo, req.label ?? null, log, async () => {
      const attempt = await this.attempts.begin(userId, req.accountNo, ip)
      if (!attempt.allowed) {
        log.warn({ retryAfterSeconds: attempt.retryAfterSeconds }, 'binding attempts locked out')
        throw rateLimited(
          '绑定尝试次数过多，为保护户主信息已暂停用姓名绑定（可改用短信验证码绑定）',
          attempt.retryAfterSeconds,
          this.now(),
        )
      }
      const match = await this.customers.verifyHolder(req.accountNo, req.holderName, req.phoneLast4)
      if (!match) throw proofRejected()
      await attempt.succeeded()
    })
  }

  /**
   * Binds as an owner without the holder proof, because someone already checked it: an agent
   * who saw the holder (a signed agent link). Same limit as any binding.
   */
  bindVerified(
    userId: string,
    accountNo: string,
    label: string | null,
    log: Logger,
  ): Promise<BoundAccount> {
    return this.bindWith(userId, accountNo, label, log, async () => undefined)
  }

  /**
   * Binds as an owner once `prove` resolves. An existing binding is answered without a proof,
   * and the per-user limit is checked first, so a proof (a one-time code) is not spent on a
   * binding that could not be made.
   */
  async bindWith(
    userId: string,
    accountNo: string,
    label: string | null,
    log: Logger,
    prove: () => Promise<void>,
  ): Promise<BoundAccount> {
    // A decided 过户 / 销户 closes the old bindings first, so a new holder's binding made after
    // the decision is never taken away with them.
    await this.beforeBind(accountNo)
    const existing = await this.bindings.find(userId, accountNo)
    if (existing) return this.present(existing, log)
    await this.checkRoom(userId)
    await prove()
    const row = await this.bindings.add({ userId, accountNo, label, role: 'owner' }, this.now())
    return this.present(row, log)
  }

  private async checkRoom(userId: string): Promise<void> {
    if ((await this.bindings.countForUser(userId)) >= MAX_BINDINGS_PER_USER) {
      throw new AppError('BINDING_LIMIT_REACHED', {
        message: 'too many bindings',
        userMessage: `一个账号最多绑定${MAX_BINDINGS_PER_USER}个户号，请先解绑不用的户号`,
      })
    }
  }

  async update(
    userId: string,
    accountNo: string,
    change: { label?: string | null; isDefault?: true },
    log: Logger,
  ): Promise<BoundAccount> {
    const row = await this.mine(userId, accountNo)
    if (change.label !== undefined) await this.bindings.setLabel(row.id, change.label)
    if (change.isDefault) await this.bindings.makeDefault(userId, accountNo)
    return this.present(await this.mine(userId, accountNo), log)
  }

  /**
   * Unbinds the caller. A family member's access came from an owner's proof, so when the last
   * owner leaves, the family bindings of that account go as well.
   */
  async unbind(userId: string, accountNo: string): Promise<void> {
    const row = await this.mine(userId, accountNo)
    const others = (await this.bindings.listForAccount(accountNo)).filter((b) => b.id !== row.id)
    const lastOwner = row.role === 'owner' && !others.some((b) => b.role === 'owner')
    await this.bindings.remove([row.id, ...(lastOwner ? others.map((b) => b.id) : [])])
    if (row.isDefault) {
      const [next] = await this.bindings.listForUser(userId)
      if (next) await this.bindings.makeDefault(userId, next.accountNo)
    }
  }

  /**
   * Closes every binding of the account (owners and family alike): after an approved 过户 the
   * old holder and those they let in are strangers to it; after a 销户 nobody holds it. The
   * binding guard then refuses them exactly as any unbound caller. Listeners void what would
   * bind the account later (invites, agent links) first, so nothing issued before the decision
   * outlives it; they run on every call, even when no binding was left, because a link can
   * exist without one, and a retried revocation voids again. Returns the users who lost it.
   */
  async revokeAccount(accountNo: string): Promise<string[]> {
    const rows = await this.bindings.listForAccount(accountNo)
    const userIds = [...new Set(rows.map((b) => b.userId))]
    for (const listener of this.revokedListeners) await listener(accountNo, userIds)
    await this.bindings.remove(rows.map((b) => b.id))
    for (const userId of userIds) {
      const rest = await this.bindings.listForUser(userId)
      const [next] = rest
      if (next && !rest.some((b) => b.isDefault)) {
        await this.bindings.makeDefault(userId, next.accountNo)
      }
    }
    return userIds
  }

  /** Hooks a listener on revocations (e.g. to void invites and links of the account). */
  onBindingsRevoked(listener: BindingsRevokedListener): void {
    this.revokedListeners.push(listener)
  }

  /** The account-changes feature syncs decided changes of the account before a new binding. */
  onBeforeBind(hook: (accountNo: string) => Promise<void>): void {
    this.beforeBind = hook
  }

  /**
   * The same sync `bindWith` runs, for the other ways into an account (a family invite, an
   * agent link, a pay card): a decided 过户 / 销户 is applied, and what it voids is void, before
   * they are honoured.
   */
  settleBeforeAccess(accountNo: string): Promise<void> {
    return this.beforeBind(accountNo)
  }

  async unbindAll(userId: string): Promise<void> {
    for (const row of await this.bindings.listForUser(userId))
      await this.unbind(userId, row.accountNo)
  }

  private async mine(userId: string, accountNo: string): Promise<AccountBinding> {
    const row = await this.bindings.find(userId, accountNo)
    // The binding guard ran first; this is a concurrent unbind.
    if (!row) throw new AppError('ACCOUNT_NOT_BOUND')
    return row
  }

  /** A failing CIS leaves the summary out instead of failing the whole list. */
  async present(row: AccountBinding, log: Logger): Promise<BoundAccount> {
    let summary: BoundAccount['summary'] = null
    try {
      const account = await this.customers.getAccount(row.accountNo)
      summary = account ? toAccountSummary(account) : null
    } catch (err) {
      log.warn({ err, port: 'customers' }, 'account summary unavailable')
    }
    return {
      accountNo: row.accountNo,
      label: row.label,
      isDefault: row.isDefault,
      role: row.role,
      boundAt: toShanghaiIso(row.createdAt),
      summary,
    }
  }
}
