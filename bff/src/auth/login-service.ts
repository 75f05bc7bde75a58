import { maskPhone, type LoginProvider, type LoginResult, type UserProfile } from '@gh/shared'
import { AppError } from '../platform/app-error'
import type { SessionUser } from '../platform/http/request-context'
import { toShanghaiIso } from '../platform/time'
import {
  sessionIdOf,
  wasRotated,
  type IssuedSession,
  type Session,
  type SessionStore,
} from './session-store'
import type { IdentityProvider } from './user-entity'
import type { IdentityClaim, UserRepository } from './user-repository'

const PROVIDER_SHOWN: Record<IdentityProvider, LoginProvider> = {
  wechat: 'wechat',
  wechat_union: 'wechat',
  alipay: 'alipay',
  phone: 'phone',
}

const identityTaken = () =>
  new AppError('IDENTITY_IN_USE', {
    message: 'identity belongs to another user',
    userMessage: '该登录方式已关联到另一个账号，请用原来的方式登录，或先在那个账号里注销',
  })

/**
 * One person across logins: claims are tried strongest first (the WeChat unionid, which is the
 * same in every app of the utility, before the openid), and a login adds any claim the user
 * did not hold yet. Logged in already, a login links the new method to the same user.
 */
export class LoginService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {}

  async login(claims: IdentityClaim[], current: SessionUser | undefined): Promise<LoginResult> {
    const now = this.now()
    const sessionId = current ? sessionIdOf(current) : undefined
    // A rotated token may finish requests in flight but must not mint (or link) anything: the
    // store treats the attempt as reuse and revokes the token's chain.
    if (current && sessionId && wasRotated(current)) {
      await this.rotated({ userId: current.userId, sessionId }, now)
    }
    const userId = current
      ? await this.linkTo(current.userId, claims, now)
      : await this.resolve(claims, now)
    const issued =
      current && sessionId
        ? await this.rotated({ userId, sessionId }, now)
        : await this.sessions.issue(userId, now)
    return {
      token: issued.token,
      expiresAt: toShanghaiIso(issued.expiresAt),
      user: await this.profile(userId),
    }
  }

  async refresh(current: SessionUser): Promise<LoginResult> {
    const sessionId = sessionIdOf(current)
    if (!sessionId) throw new AppError('SESSION_EXPIRED')
    const issued = await this.rotated({ userId: current.userId, sessionId }, this.now())
    return {
      token: issued.token,
      expiresAt: toShanghaiIso(issued.expiresAt),
      user: await this.profile(current.userId),
    }
  }

  async profile(userId: string): Promise<UserProfile> {
    const user = await this.users.find(userId)
    if (!user) throw new AppError('SESSION_EXPIRED')
    const identities = await this.users.identitiesOf(userId)
    const phone = identities.find((i) => i.provider === 'phone')
    return {
      id: user.id,
      providers: [...new Set(identities.map((i) => PROVIDER_SHOWN[i.provider]))],
      phoneMasked: phone ? maskPhone(phone.subject) : null,
      createdAt: toShanghaiIso(user.createdAt),
    }
  }

  /** The session's successor; a token rotated before (or gone meanwhile) gets none. */
  private async rotated(session: Session, now: Date): Promise<IssuedSession> {
    const rotation = await this.sessions.rotate(session, now)
    if (rotation.kind === 'rotated') return rotation.issued
    throw new AppError('SESSION_EXPIRED', {
      message:
        rotation.kind === 'reused'
          ? 'rotated session token reused: its chain is revoked'
          : 'session ended before it could be rotated',
    })
  }

  private async resolve(claims: IdentityClaim[], now: Date): Promise<string> {
    // Two attempts: a concurrent first login may create the user between lookup and insert.
    for (let attempt = 0; attempt < 2; attempt++) {
      for (const claim of claims) {
        const owner = await this.users.ownerOf(claim)
        if (owner) {
          for (const other of claims) if (other !== claim) await this.users.link(owner, other, now)
          return owner
        }
      }
      const created = await this.users.create(claims, now)
      if (created) return created
    }
    throw new AppError('INTERNAL', { message: 'could not resolve a user for the login' })
  }

  private async linkTo(userId: string, claims: IdentityClaim[], now: Date): Promise<string> {
    if (!(await this.users.find(userId))) throw new AppError('SESSION_EXPIRED')
    for (const claim of claims) {
      const owner = await this.users.ownerOf(claim)
      if (owner === userId) continue
      if (owner || !(await this.users.link(userId, claim, now))) throw identityTaken()
    }
    return userId
  }
}
