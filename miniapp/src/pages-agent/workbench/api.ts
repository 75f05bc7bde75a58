import {
  agentLogin,
  agentLogout,
  createAgentTask,
  createProxyRequest,
  exportAgentAudit,
  findAgentAccounts,
  getAgentAccount,
  getAgentBookingOptions,
  getAgentMe,
  listAgentAudit,
  listAgentTasks,
  type CreateProxyRequest,
} from '@gh/shared'
import type { AgentTaskKind } from '@gh/shared'
import { createApiClient } from '../../api/client'
import { createDownloader } from '../../api/download'
import { taroDownloadTransport, taroTransport } from '../../api/transport'
import { agentPages, replaceWith } from './pages'
import { agentTokenStore } from './session'

/** H5 is served by the BFF itself; the mini-programs call the BFF's public address. */
const baseUrl = process.env.TARO_ENV === 'h5' ? '/api/v1' : API_BASE

const session = { tokens: agentTokenStore, onSessionExpired: () => replaceWith(agentPages.login) }

/** The workbench's client: sends the agent token only, never the resident's. */
const agentRequest = createApiClient({ baseUrl, transport: taroTransport, ...session })

const agentDownload = createDownloader({ baseUrl, transport: taroDownloadTransport, ...session })

/** One function per workbench endpoint. */

export async function logIn(loginName: string, password: string) {
  const session = await agentRequest(agentLogin, { body: { loginName, password } })
  agentTokenStore.set(session.token)
  return session
}

/**
 * Ends the session on the server first, so a copy of the token stops working too; the device
 * forgets the token whatever the answer (offline, or already expired).
 */
export async function logOut(): Promise<void> {
  if (agentTokenStore.get()) await agentRequest(agentLogout).catch(() => undefined)
  agentTokenStore.clear()
}

export const getMe = () => agentRequest(getAgentMe)

/** The phone number or account number travels in the body: URLs end up in proxy logs. */
export const findAccounts = (q: string) => agentRequest(findAgentAccounts, { body: { q } })

export const getAccount = (account: string) =>
  agentRequest(getAgentAccount, { params: { account } })

export const createTask = (body: {
  accountNo: string
  kind: AgentTaskKind
  target?: string
  idempotencyKey: string
}) => {
  const { idempotencyKey, ...rest } = body
  return agentRequest(createAgentTask, { body: { ...rest, ttlHours: 24 }, idempotencyKey })
}

export const listTasks = (status: 'open' | 'all') =>
  agentRequest(listAgentTasks, { query: { status } })

export const listAudit = (from: string, to: string) =>
  agentRequest(listAgentAudit, { query: { from, to } })

/** The CSV of a period as a local file (a blob: URL on H5), fetched with the agent token. */
export const downloadAuditCsv = (from: string, to: string) =>
  agentDownload(exportAgentAudit, { params: {}, query: { from, to } })

/** What the 报修 and 预约安检 代办 forms offer for the account: fault kinds and slots. */
export const getBookingOptions = (account: string) =>
  agentRequest(getAgentBookingOptions, { params: { account } })

/** 代办: a payment or booking the resident confirms with the code read to them. */
export const startProxyRequest = (body: CreateProxyRequest, idempotencyKey: string) =>
  agentRequest(createProxyRequest, { body, idempotencyKey })
