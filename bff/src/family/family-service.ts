import { maskPhone, type FamilyInvite, type FamilyMember } from '@gh/shared'
import type { AccountBinding } from '../accounts/account-binding-entity'
import type { BindingRepository } from '../accounts/binding-repository'
import { rateLimited } from '../auth/rate-limited'
import type { SlidingWindowLimiter } from '../auth/sliding-window'
import type { UserRepository } from '../auth/user-repository'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { InviteStore, StoredInvite } from './invite-store'

const ACCEPT_PAGE = '/pages/family/index'

const ownersOnly = () =>
  new AppError('OWNER_ONLY', {
    message: 'not an owner of the account',
    userMessage: '只有凭户主信息绑定该户号的人才能管理家人',
  })

const inviteInvalid = () =>
  new AppError('INVITE_INVALID', {
    message: 'invite invalid',
    userMessage: '邀请码无效或已过期，请让家人重新邀请',
  })

/** Not a wrong code (it does not count as a guess): the account changed hands or closed. */
const inviteVoided = () =>
  new AppError('INVITE_INVALID', {
    message: 'invite voided by a transfer or closure of the account',
    userMessage: '该户号已办理过户或销户，之前的家人邀请已失效，请联系现在的户主重新邀请',
  })

/**
 * 亲情账户: an owner (bound with the holder proof) invites family members with a single-use
 * code; members are bound as `family`, listed to owners masked, and removable by owners.
 */
export class FamilyService {
  constructor(
    private readonly bindings: BindingRepository,
    private readonly users: UserRepository,
    private readonly invites: InviteStore,
    private readonly acceptFailures: SlidingWindowLimiter,
    private readonly inviteTtlSeconds: number,
    private readonly now: () => Date,
    /** The binding service's pre-binding sync (BindingService.settleBeforeAccess). */
    private readonly settleBeforeAccess: (accountNo: string) => Promise<void> = async () =>
      undefined,
  ) {}

  /** Voids the account's open invites: its bindings are being revoked (过户 / 销户). */
  voidInvites(accountNo: string): Promise<void> {
    return this.invites.voidAccount(accountNo)
  }

  async invite(userId: string, accountNo: string): Promise<FamilyInvite> {
    const owner = await this.requireOwner(userId, accountNo)
    const code = await this.invites.create({
      accountNo,
      ownerUserId: userId,
      ownerBindingId: owner.id,
    })
    const expiresAt = new Date(this.now().getTime() + this.inviteTtlSeconds * 1000)
    return {
      code,
      accountNo,
      expiresAt: toShanghaiIso(expiresAt),
      path: `${ACCEPT_PAGE}?invite=${code}`,
    }
  }

  /** Returns the new binding; the caller's summary is filled in by the binding service. */
  async accept(userId: string, code: string, label: string | undefined): Promise<AccountBinding> {
    const locked = await this.acceptFailures.lockedFor(userId)
    if (locked > 0) throw rateLimited('邀请码输错次数过多', locked, this.now())
    // As before any binding: a 过户 / 销户 decided since the invite was made is applied first,
    // and voids the invite.
    const seen = await this.invites.peek(code)
    if (seen && seen !== 'voided') await this.settleBeforeAccess(seen.accountNo)
    const invite = await this.invites.take(code)
    if (invite === 'voided') throw inviteVoided()
    if (!invite || !(await this.inviterStillOwns(invite))) {
      const hit = await this.acceptFailures.hit(userId)
      if (!hit.allowed) throw rateLimited('邀请码输错次数过多', hit.retryAfterSeconds, this.now())
      throw inviteInvalid()
    }
    const existing = await this.bindings.find(userId, invite.accountNo)
    if (existing) return existing
    const row = await this.bindings.add(
      { userId, accountNo: invite.accountNo, label: label ?? null, role: 'family' },
      this.now(),
    )
    // An unbinding or revocation that ran between the check and the insert took the inviter's
    // binding but not this one: the invite no longer vouches for it.
    if (!(await this.inviterStillOwns(invite))) {
      await this.bindings.remove([row.id])
      throw inviteInvalid()
    }
    return row
  }

  async members(userId: string, accountNo: string): Promise<FamilyMember[]> {
    await this.requireOwner(userId, accountNo)
    const rows = await this.bindings.listForAccount(accountNo)
    return Promise.all(
      rows.map(async (row) => ({
        memberId: row.id,
        role: row.role,
        displayMasked: await this.display(row.userId),
        joinedAt: toShanghaiIso(row.createdAt),
        isYou: row.userId === userId,
      })),
    )
  }

  async remove(userId: string, accountNo: string, memberId: string): Promise<void> {
    await this.requireOwner(userId, accountNo)
    const row = (await this.bindings.listForAccount(accountNo)).find((b) => b.id === memberId)
    if (!row) throw new AppError('NOT_FOUND')
    if (row.role !== 'family') {
      throw new AppError('OWNER_ONLY', {
        message: 'owners cannot remove owners',
        userMessage:
          row.userId === userId
            ? '要移除自己，请在户号管理中解绑'
            : '不能移除其他户主，户主可自行解绑',
      })
    }
    await this.bindings.remove([row.id])
  }

  private async requireOwner(userId: string, accountNo: string): Promise<AccountBinding> {
    const row = await this.bindings.find(userId, accountNo)
    if (!row || row.role !== 'owner') throw ownersOnly()
    return row
  }

  /**
   * An invite carries the access of the binding it was issued from, so it ends with it: an
   * owner who unbound (even one who bound again since) no longer vouches for it.
   */
  private async inviterStillOwns(invite: StoredInvite): Promise<boolean> {
    const row = await this.bindings.find(invite.ownerUserId, invite.accountNo)
    if (!row || row.role !== 'owner') return false
    // Invites issued before they named their binding can only be checked by role.
    return invite.ownerBindingId === undefined || row.id === invite.ownerBindingId
  }

  /** What an owner may see of another person: a masked phone, else only how they log in. */
  private async display(userId: string): Promise<string> {
    const identities = await this.users.identitiesOf(userId)
    const phone = identities.find((i) => i.provider === 'phone')
    if (phone) return maskPhone(phone.subject)
    if (identities.some((i) => i.provider === 'alipay')) return '支付宝用户'
    return '微信用户'
  }
}
