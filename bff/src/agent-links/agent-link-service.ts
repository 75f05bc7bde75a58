import {
  maskAccountNo,
  maskName,
  agentRoleLabels,
  type AgentLinkPage,
  type AgentLinkView,
  type AgentRole,
  type BoundAccount,
} from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import type { BindingService } from '../accounts/binding-service'
import { AppError } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { AgentLinkGrant, AgentLinkStore } from './agent-link-store'

/** Told when a task's link is redeemed, so the agent sees it opened. */
export type OnTaskOpened = (taskId: string, at: Date) => Promise<void>

const AGENT_LINK_PAGE = '/pages/bind/index'

const PAGES: Record<AgentLinkPage, { path: string; withAccount: boolean }> = {
  home: { path: '/pages/index/index', withAccount: false },
  recharge: { path: '/pages/recharge/index', withAccount: true },
  bills: { path: '/pages/bills/index', withAccount: true },
  repairs: { path: '/pages/repairs/index', withAccount: true },
  orders: { path: '/pages/orders/index', withAccount: true },
  safety: { path: '/pages/safety/index', withAccount: false },
}

function pagePath(page: AgentLinkPage, accountNo: string): string {
  const target = PAGES[page]
  return target.withAccount ? `${target.path}?accountNo=${accountNo}` : target.path
}

const linkGone = () =>
  new AppError('INVITE_INVALID', {
    message: 'agent link unknown, forged or expired',
    userMessage: '链接已失效，请联系客服重新发送',
  })

const linkTaken = () =>
  new AppError('INVITE_INVALID', {
    message: 'agent link already redeemed by someone else',
    userMessage: '该链接已被其他微信号使用，请联系客服重新发送',
  })

/** Links an agent sends after checking the holder: they bind without the holder proof. */
export class AgentLinkService {
  constructor(
    private readonly store: AgentLinkStore,
    private readonly bindingService: BindingService,
    private readonly bindings: BindingRepository,
    private readonly customers: CustomersPort,
    private readonly now: () => Date,
    private readonly onTaskOpened: OnTaskOpened = async () => undefined,
  ) {}

  /** The store's TTL ends a link in real time; this ends it on our clock too. */
  private async live(token: string): Promise<AgentLinkGrant | null> {
    const grant = await this.store.find(token)
    return grant && Date.parse(grant.expiresAt) > this.now().getTime() ? grant : null
  }

  /** A mini-program code's scene is the link itself: where it leads, while it is live. */
  async landing(token: string): Promise<{ path: string; expiresAt: string }> {
    const grant = await this.live(token)
    if (!grant) throw linkGone()
    return {
      path: `${AGENT_LINK_PAGE}?agentLink=${token}`,
      expiresAt: toShanghaiIso(new Date(grant.expiresAt)),
    }
  }

  /** For the workbench: returns the token and the page a resident opens with it. */
  async issue(req: {
    accountNo: string
    page: AgentLinkPage
    agentName: string
    ttlHours: number
    agentRole?: AgentRole
    taskId?: string
    landing?: string
  }): Promise<{ token: string; path: string; expiresAt: string }> {
    if (!(await this.customers.getAccount(req.accountNo))) {
      throw new AppError('NOT_FOUND', { message: 'no such account' })
    }
    const issuedAt = this.now()
    const expiresAt = new Date(issuedAt.getTime() + req.ttlHours * 3600_000)
    const token = await this.store.issue(
      {
        accountNo: req.accountNo,
        page: req.page,
        agentName: req.agentName,
        ...(req.agentRole ? { agentRole: req.agentRole } : {}),
        ...(req.taskId ? { taskId: req.taskId } : {}),
        ...(req.landing ? { landing: req.landing } : {}),
        issuedAt: issuedAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
      // A task's link sent again lives for what is left of the task, not whole hours.
      Math.ceil(req.ttlHours * 3600),
    )
    return {
      token,
      path: `${AGENT_LINK_PAGE}?agentLink=${token}`,
      expiresAt: toShanghaiIso(expiresAt),
    }
  }

  /** Voids the account's links: its bindings are being revoked (过户 / 销户). */
  voidLinks(accountNo: string): Promise<void> {
    return this.store.voidAccount(accountNo)
  }

  /**
   * A live link, once a 过户 / 销户 decided since it was issued is applied (as before any
   * binding); that voids it, so the link then reads as gone.
   */
  private async settled(token: string): Promise<AgentLinkGrant | null> {
    const grant = await this.live(token)
    if (!grant) return null
    await this.bindingService.settleBeforeAccess(grant.accountNo)
    return this.live(token)
  }

  async view(userId: string, token: string): Promise<AgentLinkView> {
    const grant = await this.settled(token)
    if (!grant) throw linkGone()
    if (grant.redeemedBy && grant.redeemedBy !== userId) throw linkTaken()
    const account = await this.customers.getAccount(grant.accountNo)
    return {
      accountNoMasked: maskAccountNo(grant.accountNo),
      holderNameMasked: account ? maskName(account.holderName) : null,
      page: grant.page,
      agentName: grant.agentName,
      agentRoleLabel: grant.agentRole ? agentRoleLabels[grant.agentRole] : null,
      expiresAt: toShanghaiIso(new Date(grant.expiresAt)),
      alreadyBound: await this.bindings.isBound(userId, grant.accountNo),
    }
  }

  async redeem(
    userId: string,
    token: string,
    label: string | undefined,
    log: Logger,
  ): Promise<{
    account: BoundAccount
    path: string
    agentName: string
    agentRoleLabel: string | null
  }> {
    if (!(await this.settled(token))) throw linkGone()
    const grant = await this.store.redeem(token, userId, this.now())
    if (grant === null) throw linkGone()
    if (grant === 'taken') throw linkTaken()
    const account = await this.bindingService.bindVerified(
      userId,
      grant.accountNo,
      label ?? null,
      log,
    )
    log.info({ agent: grant.agentName, page: grant.page }, 'agent link redeemed')
    if (grant.taskId) {
      // Tracking must never undo the binding the resident just got.
      await this.onTaskOpened(grant.taskId, this.now()).catch((err: unknown) => {
        log.warn({ err }, 'agent task not marked opened')
      })
    }
    return {
      account,
      path: grant.landing ?? pagePath(grant.page, grant.accountNo),
      agentName: grant.agentName,
      agentRoleLabel: grant.agentRole ? agentRoleLabels[grant.agentRole] : null,
    }
  }
}
