import { randomUUID } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import QRCode from 'qrcode'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import {
  agentRoleLabels,
  maskAccountNo,
  maskAddress,
  maskName,
  maskPhone,
  type AgentAccountHit,
  type AgentAccountView,
  type AgentAuditRow,
  type AgentLinkPage,
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
import { AppError } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { CustomerAccount, CustomersPort } from '../upstream/customers/customers-port'
import type { AgentSessions } from './agent-sessions'
import type { Agent, AgentStore, AuditEntry, StoredTask } from './agent-store'

/** Who is acting and for which request: every audited action carries both. */
export interface Acting {
  agentId: string
  requestId: string
}

export interface AgentServiceDeps {
  store: AgentStore
  sessions: AgentSessions
  customers: CustomersPort
  agentLinks: AgentLinkService
  home: { page(accountNo: string, log: Logger): Promise<HomePage> }
  limits: { perLogin: RateLimiterAbstract; perIp: RateLimiterAbstract }
  /** Where the H5 build is served, for links sent by SMS or chat. */
  h5BaseUrl: string
  now: () => Date
}

/** What each task opens once the link has bound the account. */
const TASK_PAGES: Record<
  AgentTaskKind,
  { page: AgentLinkPage; landing?: (a: string, t: string | null) => string }
> = {
  pay_bill: {
    page: 'bills',
    landing: (a, t) => `/pages/bills/index?accountNo=${a}${t ? `&billId=${t}` : ''}`,
  },
  top_up: { page: 'recharge' },
  report_fault: { page: 'repairs' },
  book_inspection: { page: 'repairs', landing: (a) => `/pages/repairs/safety?accountNo=${a}` },
  read_article: {
    page: 'safety',
    landing: (_a, t) => (t ? `/pages/safety/article?id=${t}` : '/pages/safety/index'),
  },
  bind_account: { page: 'home' },
  view_order: {
    page: 'orders',
    landing: (a, t) =>
      t ? `/pages/orders/detail?accountNo=${a}&orderNo=${t}` : `/pages/orders/index?accountNo=${a}`,
  },
}

const NEEDS_TARGET: ReadonlySet<AgentTaskKind> = new Set(['read_article', 'view_order'])

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
  async authenticate(token: string): Promise<string | null> {
    const agentId = await this.deps.sessions.resolve(token)
    if (!agentId) return null
    return (await this.deps.store.byId(agentId)) ? agentId : null
  }

  async profile(agentId: string): Promise<AgentProfile> {
    return profileOf(await this.agent(agentId))
  }

  /** The one scope check: every route and use case that names an account goes through it. */
  async assertInScope(agentId: string, accountNo: string): Promise<CustomerAccount> {
    const agent = await this.agent(agentId)
    const account = await this.deps.customers.getAccount(accountNo)
    if (!account || !(await this.covers(agent, account.areaCode))) {
      // Out of scope and unknown answer alike: an agent learns nothing beyond their areas.
      throw new AppError('AGENT_OUT_OF_SCOPE', { message: 'account outside the agent scope' })
    }
    return account
  }

  async find(acting: Acting, q: string): Promise<{ items: AgentAccountHit[] }> {
    const agent = await this.agent(acting.agentId)
    await this.audit(agent, { action: 'search', detail: maskQuery(q), requestId: acting.requestId })
    // The CIS looks accounts up by number only; a number outside the scope is not found.
    if (!/^\d{10}$/.test(q)) return { items: [] }
    const account = await this.deps.customers.getAccount(q)
    if (!account || !(await this.covers(agent, account.areaCode))) return { items: [] }
    return { items: [hitOf(account)] }
  }

  async view(acting: Acting, accountNo: string, log: Logger): Promise<AgentAccountView> {
    const agent = await this.agent(acting.agentId)
    const account = await this.assertInScope(agent.id, accountNo)
    await this.audit(agent, { action: 'view_account', accountNo, requestId: acting.requestId })
    return { account: hitOf(account), home: await this.deps.home.page(accountNo, log) }
  }

  async createTask(
    acting: Acting,
    req: { accountNo: string; kind: AgentTaskKind; target?: string | undefined; ttlHours: number },
  ): Promise<SentAgentTask> {
    const { store, agentLinks, now, h5BaseUrl } = this.deps
    const agent = await this.agent(acting.agentId)
    await this.assertInScope(agent.id, req.accountNo)
    if (NEEDS_TARGET.has(req.kind) && !req.target) {
      throw new AppError('VALIDATION_FAILED', { userMessage: '请填写要打开的文章或订单编号' })
    }
    const target = req.target ?? null
    const taskId = randomUUID()
    const page = TASK_PAGES[req.kind]
    const landing = page.landing?.(req.accountNo, target)
    const link = await agentLinks.issue({
      accountNo: req.accountNo,
      page: page.page,
      agentName: agent.displayName,
      agentRole: agent.role,
      ttlHours: req.ttlHours,
      taskId,
      ...(landing ? { landing } : {}),
    })
    const createdAt = now()
    const expiresAt = new Date(createdAt.getTime() + req.ttlHours * 3600_000)
    await store.addTask(
      { id: taskId, agentId: agent.id, accountNo: req.accountNo, kind: req.kind, target },
      createdAt,
      expiresAt,
    )
    await this.audit(agent, {
      action: 'create_task',
      accountNo: req.accountNo,
      detail: `${req.kind}${target ? `:${target}` : ''}`,
      requestId: acting.requestId,
    })
    const scene = link.token
    // The sandbox-free path: a QR of the H5 landing with the scene. In production the
    // mini-program code comes from wxacode.getUnlimited with the same scene and the bind page.
    const qrContent = `${h5BaseUrl}/#/pages/bind/index?scene=${scene}`
    const stored = await store.task(taskId)
    if (!stored) throw new AppError('INTERNAL', { message: 'task not stored' })
    return {
      ...taskOf(stored, createdAt),
      h5Url: `${h5BaseUrl}/#${link.path}`,
      miniProgramPath: link.path,
      scene,
      qrPng: await QRCode.toDataURL(qrContent, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
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
    const rows = await this.deps.store.auditBetween(from, to)
    return { items: rows.map(auditRowOf) }
  }

  async auditCsv(acting: Acting, from: Date, to: Date): Promise<Uint8Array> {
    const { items } = await this.auditRows(acting, from, to)
    const header = ['时间', '工号', '动作', '户号', '详情', '请求号']
    const lines = [
      header,
      ...items.map((r) => [
        r.at,
        r.loginName,
        r.action,
        r.accountNo ?? '',
        r.detail ?? '',
        r.requestId,
      ]),
    ].map((cells) => cells.map(csvCell).join(','))
    // The BOM makes Excel read the file as UTF-8; CRLF is what RFC 4180 and Excel expect.
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
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
    entry: { action: string; accountNo?: string; detail?: string; requestId: string },
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

function profileOf(agent: Agent): AgentProfile {
  return {
    agentId: agent.id,
    loginName: agent.loginName,
    displayName: agent.displayName,
    role: agent.role,
    roleLabel: agentRoleLabels[agent.role],
    team: agent.team,
    areas: agent.areas,
  }
}

function hitOf(account: CustomerAccount): AgentAccountHit {
  return {
    accountNo: account.accountNo,
    holderNameMasked: maskName(account.holderName),
    phoneMasked: maskPhone(account.phone),
    addressMasked: maskAddress(account.address),
    areaCode: account.areaCode,
    status: account.status,
  }
}

/** The search text in the audit: an account number as is masked, anything else by length. */
function maskQuery(q: string): string {
  return /^\d{10}$/.test(q) ? maskAccountNo(q) : `(${q.length}字)`
}

function taskOf(row: StoredTask, now: Date): AgentTask {
  const expired = row.status !== 'done' && Date.parse(row.expiresAt) <= now.getTime()
  const at = (iso: string | null) => (iso ? toShanghaiIso(new Date(iso)) : null)
  return {
    taskId: row.id,
    accountNo: row.accountNo,
    kind: row.kind,
    target: row.target,
    status: expired ? 'expired' : row.status,
    sentBy: row.sentBy,
    createdAt: toShanghaiIso(new Date(row.createdAt)),
    expiresAt: toShanghaiIso(new Date(row.expiresAt)),
    openedAt: at(row.openedAt),
    doneAt: at(row.doneAt),
  }
}

function auditRowOf(row: AuditEntry): AgentAuditRow {
  return { ...row, at: toShanghaiIso(new Date(row.at)) }
}

/** Every field quoted, quotes doubled; a leading formula character is defused for Excel. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}
