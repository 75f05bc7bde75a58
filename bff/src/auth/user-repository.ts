import { randomUUID } from 'node:crypto'
import { IsNull, type DataSource, type EntityManager } from 'typeorm'
import { AccountBinding } from '../accounts/account-binding-entity'
import { InboxMessageRow, NotificationSettingsRow } from '../notifications/notification-entities'
import { User, UserIdentity, type IdentityProvider } from './user-entity'

export interface IdentityClaim {
  provider: IdentityProvider
  subject: string
}

/** Unique-constraint violations on PostgreSQL (23505) and SQLite. */
function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  return (
    code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(err.message)
  )
}

/** Users and their login identities. A deleted user keeps only its id and two timestamps. */
export class UserRepository {
  constructor(private readonly db: DataSource) {}

  async ownerOf(claim: IdentityClaim): Promise<string | null> {
    const identity = await this.db.getRepository(UserIdentity).findOne({ where: { ...claim } })
    return identity?.userId ?? null
  }

  async find(userId: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id: userId, deletedAt: IsNull() } })
  }

  async identitiesOf(userId: string): Promise<UserIdentity[]> {
    return this.db
      .getRepository(UserIdentity)
      .find({ where: { userId }, order: { createdAt: 'ASC' } })
  }

  /**
   * A new user holding every claim. Null when a concurrent login created one of the identities
   * first: the caller looks the owner up again.
   */
  async create(claims: IdentityClaim[], now: Date): Promise<string | null> {
    const userId = randomUUID()
    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(User).insert({ id: userId, createdAt: now, deletedAt: null })
        for (const claim of claims) await this.insertIdentity(tx, userId, claim, now)
      })
      return userId
    } catch (err) {
      if (isUniqueViolation(err)) return null
      throw err
    }
  }

  /** False when the identity already belongs to someone (perhaps since a moment ago). */
  async link(userId: string, claim: IdentityClaim, now: Date): Promise<boolean> {
    try {
      await this.insertIdentity(this.db.manager, userId, claim, now)
      return true
    } catch (err) {
      if (isUniqueViolation(err)) return false
      throw err
    }
  }

  /**
   * 注销: identities and bindings go; the user row stays as an anonymous tombstone, so payment
   * records that name the user id keep a valid reference without any personal data. Answers
   * the bindings it deleted (normally none: the binding service unbinds first), so the caller
   * can drop them from the binding guard's cache like any other removal.
   */
  async erase(userId: string, now: Date): Promise<{ userId: string; accountNo: string }[]> {
    return this.db.transaction(async (tx) => {
      await tx.getRepository(UserIdentity).delete({ userId })
      const left = await tx.getRepository(AccountBinding).findBy({ userId })
      await tx.getRepository(AccountBinding).delete({ userId })
      // Messages and message settings are about the person's accounts: they go too.
      await tx.getRepository(InboxMessageRow).delete({ userId })
      await tx.getRepository(NotificationSettingsRow).delete({ userId })
      await tx.getRepository(User).update({ id: userId }, { deletedAt: now })
      return left.map((row) => ({ userId: row.userId, accountNo: row.accountNo }))
    })
  }

  private async insertIdentity(
    tx: EntityManager,
    userId: string,
    claim: IdentityClaim,
    now: Date,
  ): Promise<void> {
    await tx
      .getRepository(UserIdentity)
      .insert({ id: randomUUID(), userId, ...claim, createdAt: now })
  }
}
