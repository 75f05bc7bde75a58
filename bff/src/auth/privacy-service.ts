import { maskAccountNo, maskPhone, type MyData } from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import type { BindingService } from '../accounts/binding-service'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { SessionStore } from './session-store'
import type { IdentityProvider } from './user-entity'
import type { UserRepository } from './user-repository'

/** Platform ids are pseudonymous but still about a person: show enough to recognise them. */
function maskOpaqueId(id: string): string {
  return id.length <= 6 ? '*'.repeat(id.length) : `${id.slice(0, 3)}****${id.slice(-3)}`
}

function maskIdentity(provider: IdentityProvider, subject: string): string {
  return provider === 'phone' ? maskPhone(subject) : maskOpaqueId(subject)
}

const NOTES = [
  '登录方式：微信/支付宝只保存平台分配给本服务的用户标识，不保存昵称和头像；手机号用于验证码登录。',
  '户号绑定：保存您绑定的户号、备注名和绑定时间；户主姓名、地址等由燃气公司业务系统保存，这里只显示脱敏信息。',
  '验证码只以加密摘要保存5分钟；登录状态最长保存7天。',
  '注销后，登录方式、户号绑定和登录状态立即删除；已完成的交费记录按财务规定保留，但不再与任何个人信息关联。',
]

/** 我的数据 and 注销 (PIPL): what is held about a user, and deleting it. */
export class PrivacyService {
  constructor(
    private readonly users: UserRepository,
    private readonly bindingRows: BindingRepository,
    private readonly bindings: BindingService,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {}

  async myData(userId: string): Promise<MyData> {
    const user = await this.users.find(userId)
    if (!user) throw new AppError('SESSION_EXPIRED')
    const identities = await this.users.identitiesOf(userId)
    const rows = await this.bindingRows.listForUser(userId)
    return {
      user: { id: user.id, createdAt: toShanghaiIso(user.createdAt) },
      identities: identities.map((i) => ({
        kind: i.provider,
        valueMasked: maskIdentity(i.provider, i.subject),
        linkedAt: toShanghaiIso(i.createdAt),
      })),
      bindings: rows.map((b) => ({
        accountNoMasked: maskAccountNo(b.accountNo),
        label: b.label,
        role: b.role,
        boundAt: toShanghaiIso(b.createdAt),
      })),
      activeSessions: await this.sessions.countActive(userId),
      notes: NOTES,
    }
  }

  /**
   * 注销. Bindings go through the binding service (family members of a last owner lose access
   * too); sessions end last, so an interrupted run can be repeated with the same session.
   */
  async erase(userId: string): Promise<void> {
    await this.bindings.unbindAll(userId)
    // A binding made meanwhile is deleted with the account; the guard's cache forgets it too.
    await this.bindingRows.removedElsewhere(await this.users.erase(userId, this.now()))
    await this.sessions.revokeAll(userId)
  }
}
