import { randomUUID } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import QRCode from 'qrcode'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import {
  type AgentAccountHit,
  type AgentAccountView,
  type AgentAuditAction,
  type AgentAuditRow,
  type AgentProfile,
  type AgentRole,
  type AgentSession,
  type AgentTask,
  type AgentTaskKind,
  type HomePage,
  type SentAgentTask,
} from '@gh/shared'
import type { AgentLinkService } from '../agent-links/agent-link-service'
import { consumeOrRateLimited } from '../auth/rate-limited'
import { AppError, errors } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { CustomerAccount, CustomersPort } from '../upstream/customers/customers-port'
import type { WxaCodePort, WxaEnvVersion } from '../upstream/wechat/wechat-port'
import type { AgentSessions } from './agent-sessions'
import type { AgentTaskKeys } from './agent-task-keys'
import { NEEDS_TARGET, TASK_PAGES } from './agent-task-pages'
import type { Agent, AgentStore, StoredTask } from './agent-store'
import {
  ACCOUNT_NO,
  MOBILE,
  auditCsvOf,
  auditRowOf,
  hitOf,
  maskQuery,
  profileOf,
  taskOf,
} from './agent-view'

/** Who is acting and for which request: every audited action carries both. */
export interface Acting {
  agentId: string
  requestId: string
}

export interface AgentServiceDeps {
  store: AgentStore
  sessions: AgentSessions
  /** Idempotency of task sending, without the link (a capability) in the stored answer. */
  taskKeys: AgentTaskKeys
  customers: CustomersPort
  agentLinks: AgentLinkService
  home: { page(accountNo: string, log: Logger): Promise<HomePage> }
  /** Login tries per name and per IP; searches and account views per agent. */
  limits: {
    perLogin: RateLimiterAbstract
    perIp: RateLimiterAbstract
    search: RateLimiterAbstract
    view: RateLimiterAbstract
  }
  /** Where the H5 build is served, for links sent by SMS or chat. */
  h5BaseUrl: string
  /** Mini-program codes; null when no WeChat mini-program is configured. */
  wxaCodes: WxaCodePort | null
  /** Which build of the mini-program the codes open. */
  wxaEnvVersion: WxaEnvVersion
  now: () => Date
}

/** The page a mini-program code opens: it reads the scene and resolves it. */
const WXA_CODE_PAGE = 'pages/bind/index'
/** The agent is on the phone: past this the H5 code is sent alone. */
const WXA_CODE_WAIT_MS = 3000

const loginFailed = () => new AppError('AGENT_LOGIN_FAILED', { message: 'agent login refused' })

/** An argon2id hash of nothing: an unknown name costs a login the same time as a wrong password. */
let decoyHash: Promise<string> | undefined

/**
 * The agent workbench. Scope (which accounts an agent may see and task) is decided only in
 * `assertInScope`: 客服 (csr) every account; 片区专员 (area) the accounts of their own areas;
 * 主管 (supervisor) the accounts of every area of their team (their own and their agents').
 */
export class AgentService {
  constructor(private readonly deps: AgentServiceDeps) {}

  static hashPassword(password: string): Promise<string> {
    // @node-rs/argon2 hashes with argon2id by default (its PHC string says so).
    return hash(password)
  }

  async createAgent(input: {
    loginName: string
    displayName: string
    role: AgentRole
    team: string
    areas: string[]
    password: string
  }): Promise<Agent> {
    const { password, ...rest } = input
    return this.deps.store.create(
      { ...rest, passwordHash: await AgentService.hashPassword(password) },
      this.deps.now(),
    )
  }

  async login(
    loginName: string,
    password: string,
    ip: string,
    requestId: string,
  ): Promise<AgentSession> {
    const { limits, store, sessions, now } = this.deps
    const reason = '登录尝试太多'
    await consumeOrRateLimited(limits.perIp, ip, reason, now())
    await consumeOrRateLimited(limits.perLogin, loginName, reason, now())
    const agent = await store.byLoginName(loginName)
    decoyHash ??= hash(randomUUID())
    const ok = await verify(agent?.passwordHash ?? (await decoyHash), password).catch(() => false)
    if (!agent || !ok) throw loginFailed()
    // A successful login gives the name its attempts back; the per-IP budget stays spent.
    await limits.perLogin.delete(loginName)
    const issued = await sessions.issue(agent.id, now())
    await this.audit(agent, { action: 'login', requestId })
    return {
      token: issued.token,
      expiresAt: toShanghaiIso(issued.expiresAt),
      agent: profileOf(agent),
    }
  }

  /** The agent of a bearer token, or null: a resident's token is never one. */
  /** The agent and session of a live token, while the agent still exists. */
  async authenticate(token: string): Promise<{ agentId: string; sessionId: string } | null> {
    const session = await this.deps.sessions.resolve(token)
    if (!session) return null
    return (await this.deps.store.byId(session.agentId)) ? session : null
  }

  /** Ends the session on the server (a copied token is refused from now on), audited. */
  async logout(acting: Acting, sessionId: string): Promise<{ loggedOut: true }> {
    await this.deps.sessions.revoke(sessionId)
    const agent = await this.deps.store.byId(acting.agentId)
    if (agent) await this.audit(agent, { action: 'logout', requestId: acting.requestId })
    return { loggedOut: true }
  }

  async profile(agentId: string): Promise<AgentProfile> {
    return profileOf(await this.agent(agentId))
  }

  /**
   * The one scope check: every route and use case that names an account goes through it. With
   * `acting`, a refusal is audited too: a 主管 sees who reached beyond their areas.
   */
  async assertInScope(
    agentId: string,
    accountNo: string,
    acting?: Acting,
  ): Promise<CustomerAccount> {
    const agent = await this.agent(agentId)
    const account = await this.deps.customers.getAccount(accountNo)
    if (!account || !(await this.covers(agent, account.areaCode))) {
      if (acting) {
        await this.audit(agent, { action: 'out_of_scope', accountNo, requestId: acting.requestId })
      }
      // Out of scope and unknown answer alike: an agent learns nothing beyond their areas.
      throw new AppError('AGENT_OUT_OF_SCOPE', { message: 'account outside the agent scope' })
    }
    return account
  }

  async find(acting: Acting, q: string): Promise<{ items: AgentAccountHit[] }> {
    const agent = await this.agent(acting.agentId)
    // Each search may answer whose number it is: an agent cannot walk through numbers.
    await consumeOrRateLimited(this.deps.limits.search, agent.id, '查询太频繁', this.deps.now())
    await this.audit(agent, { action: 'search', detail: maskQuery(q), requestId: acting.requestId })
    // The CIS looks accounts up by number or by the holder's full mobile number (exact); an
    // account outside the scope is not found.
    let found: CustomerAccount[] = []
    if (ACCOUNT_NO.test(q)) {
      const account = await this.deps.customers.getAccount(q)
      found = account ? [account] : []
    } else if (MOBILE.test(q)) {
      found = await this.deps.customers.findByPhone(q)
    }
    const items: AgentAccountHit[] = []
    for (const account of found) {
      if (await this.covers(agent, account.areaCode)) items.push(hitOf(account))
    }
    return { items }
  }

  async view(acting: Acting, accountNo: string, log: Logger): Promise<AgentAccountView> {
    const agent = await this.agent(acting.agentId)
    // An account number opens as much as a search finds, and more: the same bound on walking.
    await consumeOrRateLimited(this.deps.limits.view, agent.id, '查询太频繁', this.deps.now())
    const account = await this.assertInScope(agent.id, accountNo, acting)
    await this.audit(agent, { action: 'view_account', accountNo, requestId: acting.requestId })
    return { account: hitOf(account), home: await this.deps.home.page(accountNo, log) }
  }

  async createTask(
    acting: Acting,
    req: { accountNo: string; kind: AgentTaskKind; target?: string | undefined; ttlHours: number },
    log?: Logger,
    idempotencyKey?: string,
  ): Promise<SentAgentTask> {
    const { store, taskKeys } = this.deps
    const agent = await this.agent(acting.agentId)
    await this.assertInScope(agent.id, req.accountNo, acting)
    if (NEEDS_TARGET.has(req.kind) && !req.target) {
      throw new AppError('VALIDATION_FAILED', { userMessage: '请填写要打开的文章或订单编号' })
    }
    if (!idempotencyKey) throw errors.idempotencyKeyRequired()
    const claim = await taskKeys.begin(agent.id, idempotencyKey, {
      accountNo: req.accountNo,
      kind: req.kind,
      target: req.target ?? null,
      ttlHours: req.ttlHours,
    })
    if (claim.kind === 'repeat') {
      // The first answer's link was never kept: the same task goes out with a new link for the
      // time it has left (the first link keeps working until then too).
      const stored = await store.task(claim.taskId)
      if (!stored) throw new AppError('IDEMPOTENCY_CONFLICT')
      const task = taskOf(stored, this.deps.now())
      if (task.status === 'done' || task.status === 'expired') {
        throw new AppError('AGENT_TASK_CLOSED', { message: `task ${task.status}` })
      }
      const link = await this.link(agent, stored, new Date(stored.expiresAt))
      return this.sent(stored, link, log)
    }
    try {
      const createdAt = this.deps.now()
      const expiresAt = new Date(createdAt.getTime() + req.ttlHours * 3600_000)
      const task = {
        id: randomUUID(),
        agentId: agent.id,
        accountNo: req.accountNo,
        kind: req.kind,
        target: req.target ?? null,
      }
      const link = await this.link(agent, task, expiresAt)
      await store.addTask(task, createdAt, expiresAt)
      await this.audit(agent, {
        action: 'create_task',
        accountNo: req.accountNo,
        detail: `${req.kind}${task.target ? `:${task.target}` : ''}`,
        requestId: acting.requestId,
      })
      const stored = await store.task(task.id)
      if (!stored) throw new AppError('INTERNAL', { message: 'task not stored' })
      await claim.complete(task.id)
      return await this.sent(stored, link, log)
    } catch (err) {
      await claim.abandon()
      throw err
    }
  }

  /** A link to the task that lives until `until`. */
  private link(
    agent: Agent,
    task: { id: string; accountNo: string; kind: AgentTaskKind; target: string | null },
    until: Date,
  ): Promise<{ token: string; path: string }> {
    const page = TASK_PAGES[task.kind]
    const landing = page.landing?.(task.accountNo, task.target)
    return this.deps.agentLinks.issue({
      accountNo: task.accountNo,
      page: page.page,
      agentName: agent.displayName,
      agentRole: agent.role,
      ttlHours: (until.getTime() - this.deps.now().getTime()) / 3600_000,
      taskId: task.id,
      ...(landing ? { landing } : {}),
    })
  }

  /** The task as the agent sends it: the link and its two codes. */
  private async sent(
    task: StoredTask,
    link: { token: string; path: string },
    log: Logger | undefined,
  ): Promise<SentAgentTask> {
    const { now, h5BaseUrl } = this.deps
    const scene = link.token
    // Two codes: the H5 landing with the scene, which any phone camera opens, and, when a
    // mini-program is configured, its own code with the same scene, which WeChat opens.
    const qrContent = `${h5BaseUrl}/#/pages/bind/index?scene=${scene}`
    const [qrPng, wxaCodePng] = await Promise.all([
      QRCode.toDataURL(qrContent, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
      this.wxaCode(scene, log),
    ])
    return {
      ...taskOf(task, now()),
      h5Url: `${h5BaseUrl}/#${link.path}`,
      miniProgramPath: link.path,
      scene,
      qrPng,
      wxaCodePng,
    }
  }

  /** The mini-program code as a data URL, or null: the H5 code still serves when WeChat fails. */
  private async wxaCode(scene: string, log: Logger | undefined): Promise<string | null> {
    const { wxaCodes, wxaEnvVersion } = this.deps
    if (!wxaCodes) return null
    let timer: NodeJS.Timeout | undefined
    try {
      const png = await Promise.race([
        wxaCodes.getUnlimitedQrCode({ scene, page: WXA_CODE_PAGE, envVersion: wxaEnvVersion }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer in time')), WXA_CODE_WAIT_MS)
        }),
      ])
      return `data:image/png;base64,${png.toString('base64')}`
    } catch (err) {
      log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'no mini-program code')
      return null
    } finally {
      clearTimeout(timer)
    }
  }

  async tasks(agentId: string, openOnly: boolean): Promise<{ items: AgentTask[] }> {
    const now = this.deps.now()
    const rows = await this.deps.store.tasksOf(agentId, openOnly, now)
    return { items: rows.map((r) => taskOf(r, now)) }
  }

  async auditRows(acting: Acting, from: Date, to: Date): Promise<{ items: AgentAuditRow[] }> {
    const agent = await this.agent(acting.agentId)
    if (agent.role !== 'supervisor') {
      throw new AppError('AGENT_SUPERVISOR_ONLY', { message: 'audit is for supervisors' })
    }
    await this.audit(agent, { action: 'read_audit', requestId: acting.requestId })
    // A 主管 answers for their own team: its agents' actions, not other teams'.
    const rows = await this.deps.store.auditBetween(from, to, agent.team)
    return { items: rows.map(auditRowOf) }
  }

  async auditCsv(acting: Acting, from: Date, to: Date): Promise<Uint8Array> {
    const { items } = await this.auditRows(acting, from, to)
    return auditCsvOf(items)
  }

  private async agent(agentId: string): Promise<Agent> {
    const agent = await this.deps.store.byId(agentId)
    if (!agent) throw new AppError('SESSION_EXPIRED', { message: 'agent gone' })
    return agent
  }

  private async covers(agent: Agent, areaCode: string): Promise<boolean> {
    if (agent.role === 'csr') return true
    if (agent.role === 'area') return agent.areas.includes(areaCode)
    const team = await this.deps.store.teamAreas(agent.team)
    return agent.areas.includes(areaCode) || team.includes(areaCode)
  }

  private audit(
    agent: Agent,
    entry: { action: AgentAuditAction; accountNo?: string; detail?: string; requestId: string },
  ): Promise<void> {
    return this.deps.store.audit(
      {
        agentId: agent.id,
        loginName: agent.loginName,
        action: entry.action,
        accountNo: entry.accountNo ?? null,
        detail: entry.detail ?? null,
        requestId: entry.requestId,
      },
      this.deps.now(),
    )
  }
}
