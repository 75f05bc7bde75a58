import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, IsoDateTime } from './common'
import { FileReply } from './files'
import { HomePage } from './home'

/**
 * 客服工作台: service agents (客服, 片区专员, 主管) are principals apart from residents. They log
 * in with a login name and password, get a short agent session that resident routes never accept
 * (and resident sessions are never accepted here), find an account within their scope, and send
 * the resident a task: a signed, expiring agent link as an H5 URL, a mini-program path and a
 * QR code, followed from sent to opened to done.
 */
export const AgentRole = z.enum(['csr', 'area', 'supervisor'])
export type AgentRole = z.infer<typeof AgentRole>

export const agentRoleLabels: Record<AgentRole, string> = {
  csr: '客服',
  area: '片区专员',
  supervisor: '主管',
}

export const AgentLoginName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{2,31}$/, { message: '工号格式不正确' })

export const AgentProfile = z.object({
  agentId: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  role: AgentRole,
  roleLabel: z.string(),
  team: z.string(),
  areas: z.array(z.string()),
})
export type AgentProfile = z.infer<typeof AgentProfile>

export const AgentLoginRequest = z
  .object({
    loginName: AgentLoginName,
    password: z.string().min(1).max(128),
  })
  .strict()

export const AgentSession = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  agent: AgentProfile,
})
export type AgentSession = z.infer<typeof AgentSession>

/** One search hit: masked, so a screen over the agent's shoulder shows no personal data. */
export const AgentAccountHit = z.object({
  accountNo: AccountNo,
  holderNameMasked: z.string(),
  phoneMasked: z.string(),
  addressMasked: z.string(),
  areaCode: z.string(),
  status: z.string(),
})
export type AgentAccountHit = z.infer<typeof AgentAccountHit>

export const AgentAccountView = z.object({
  account: AgentAccountHit,
  /** The resident's 首页 of the account: balance, what is due, last top-up, open repair. */
  home: HomePage,
})
export type AgentAccountView = z.infer<typeof AgentAccountView>

export const AgentTaskKind = z.enum([
  'pay_bill',
  'top_up',
  'report_fault',
  'book_inspection',
  'read_article',
  'bind_account',
  'view_order',
])
export type AgentTaskKind = z.infer<typeof AgentTaskKind>

export const AgentTaskStatus = z.enum(['sent', 'opened', 'done', 'expired'])
export type AgentTaskStatus = z.infer<typeof AgentTaskStatus>

export const CreateAgentTaskRequest = z
  .object({
    accountNo: AccountNo,
    kind: AgentTaskKind,
    /** billId, orderNo or articleId, for the kinds that open one. */
    target: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '目标编号格式不正确' })
      .optional(),
    ttlHours: z.number().int().min(1).max(72).default(24),
  })
  .strict()

export const AgentTask = z.object({
  taskId: z.string(),
  accountNo: AccountNo,
  kind: AgentTaskKind,
  target: z.string().nullable(),
  status: AgentTaskStatus,
  sentBy: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  openedAt: IsoDateTime.nullable(),
  doneAt: IsoDateTime.nullable(),
})
export type AgentTask = z.infer<typeof AgentTask>

/** What the agent sends: answered once, at creation (the link is a capability, never stored). */
export const SentAgentTask = AgentTask.extend({
  /** For an SMS or a chat: opens the H5 build. */
  h5Url: z.string(),
  /** For a mini-program card: the page and its query. */
  miniProgramPath: z.string(),
  /** The mini-program code's scene (at most 32 characters): the signed, expiring link. */
  scene: z.string().max(32),
  /** The QR code to show the resident, as a PNG data URL: opens the H5 landing with the scene. */
  qrPng: z.string(),
  /**
   * The mini-program code (wxacode.getUnlimited) with the same scene, as a PNG data URL; null
   * when no WeChat mini-program is configured or WeChat did not answer one.
   */
  wxaCodePng: z.string().nullable(),
})
export type SentAgentTask = z.infer<typeof SentAgentTask>

/** What the audit records; the console names each in Chinese. */
export const AgentAuditAction = z.enum([
  'login',
  'logout',
  'search',
  'view_account',
  'create_task',
  'create_proxy_request',
  'reissue_proxy_code',
  'read_audit',
  'out_of_scope',
])
export type AgentAuditAction = z.infer<typeof AgentAuditAction>

export const AgentAuditRow = z.object({
  id: z.string(),
  agentId: z.string(),
  loginName: z.string(),
  action: z.string(),
  accountNo: z.string().nullable(),
  detail: z.string().nullable(),
  requestId: z.string(),
  at: IsoDateTime,
})
export type AgentAuditRow = z.infer<typeof AgentAuditRow>

const AuditQuery = z.object({ from: IsoDateTime, to: IsoDateTime })

export const SceneLanding = z.object({
  /** The page the mini-program opens for the scene, with the agent link in its query. */
  path: z.string(),
  expiresAt: IsoDateTime,
})

export const agentLogin = defineRoute({
  id: 'agentLogin',
  method: 'post',
  path: '/agent/session',
  summary: 'Agent login with login name and password (rate-limited per name and per IP)',
  tag: 'agent',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  body: AgentLoginRequest,
  response: AgentSession,
})

export const agentLogout = defineRoute({
  id: 'agentLogout',
  method: 'post',
  path: '/agent/logout',
  summary: 'Ends this agent session on the server: its token answers 401 from then on',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: true,
  response: z.object({ loggedOut: z.literal(true) }),
})

export const getAgentMe = defineRoute({
  id: 'getAgentMe',
  method: 'get',
  path: '/agent/me',
  summary: 'The agent of the session',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  response: AgentProfile,
})

export const AgentAccountSearch = z
  .object({
    /** An account number (10 digits) or the holder's full mobile number (11 digits). */
    q: z.string().trim().min(1).max(20),
  })
  .strict()

export const findAgentAccounts = defineRoute({
  id: 'findAgentAccounts',
  // A POST, not a query string: a phone number in a URL ends up in proxy and access logs.
  method: 'post',
  path: '/agent/account-searches',
  summary:
    'Finds accounts within the agent’s scope by account number or the holder’s full 11-digit phone number, given in the body so it stays out of URLs (masked results; changes nothing but the audit, so no Idempotency-Key)',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  body: AgentAccountSearch,
  response: z.object({ items: z.array(AgentAccountHit) }),
})

export const getAgentAccount = defineRoute({
  id: 'getAgentAccount',
  method: 'get',
  // Not `:accountNo`: that names the residents' binding guard; the agent scope is checked by
  // the workbench service, the one place that decides it.
  path: '/agent/accounts/:account',
  summary: 'One account’s state for the agent (scope-checked)',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  params: z.object({ account: AccountNo }),
  response: AgentAccountView,
})

export const createAgentTask = defineRoute({
  id: 'createAgentTask',
  method: 'post',
  path: '/agent/tasks',
  summary: 'Sends the resident a task: H5 URL, mini-program path and QR code of a signed link',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: true,
  // The answer holds the link, a capability: it is never kept for a replay. A repeat of the key
  // answers the same task with a freshly issued link.
  replay: 'resource',
  body: CreateAgentTaskRequest,
  response: SentAgentTask,
})

export const listAgentTasks = defineRoute({
  id: 'listAgentTasks',
  method: 'get',
  path: '/agent/tasks',
  summary: 'The agent’s tasks, open (sent or opened) or all',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  query: z.object({ status: z.enum(['open', 'all']).default('open') }),
  response: z.object({ items: z.array(AgentTask) }),
})

export const listAgentAudit = defineRoute({
  id: 'listAgentAudit',
  method: 'get',
  path: '/agent/audit',
  summary: 'Every agent action in a period (主管 only)',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  query: AuditQuery,
  response: z.object({ items: z.array(AgentAuditRow) }),
})

export const exportAgentAudit = defineRoute({
  id: 'exportAgentAudit',
  method: 'get',
  path: '/agent/audit.csv',
  summary: 'The audit rows of a period as CSV with a BOM, for Excel (主管 only)',
  tag: 'agent',
  auth: 'agent',
  accountScoped: false,
  idempotent: false,
  query: AuditQuery,
  download: { mediaTypes: ['text/csv'] },
  response: FileReply,
})

export const resolveScene = defineRoute({
  id: 'resolveScene',
  method: 'get',
  path: '/scene/:scene',
  summary: 'Where a mini-program code’s scene leads (the mini-program reads it on launch)',
  tag: 'agent',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  params: z.object({
    scene: z
      .string()
      .max(32)
      .regex(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{12}$/, {
        message: '二维码无效，请联系客服重新发送',
      }),
  }),
  response: SceneLanding,
})

/** The workbench's routes, mounted with the agent session guard. */
export const agentRoutes = {
  agentLogin,
  agentLogout,
  getAgentMe,
  findAgentAccounts,
  getAgentAccount,
  createAgentTask,
  listAgentTasks,
  listAgentAudit,
  exportAgentAudit,
  resolveScene,
} as const
