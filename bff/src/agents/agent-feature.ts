import type { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'
import type { DataSource } from 'typeorm'
import type { AgentLinkService } from '../agent-links/agent-link-service'
import type { Logger } from '../platform/logger'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { WxaCodePort, WxaEnvVersion } from '../upstream/wechat/wechat-port'
import type { HomePage } from '@gh/shared'
import { ProxyCodeAttempts } from './agent-proxy-attempts'
import type { ProxyInspections, ProxyPayments, ProxyRepairs } from './agent-proxy-ports'
import { AgentProxyService } from './agent-proxy-service'
import { AgentProxyStore } from './agent-proxy-store'
import { AgentService } from './agent-service'
import { AgentSessions } from './agent-sessions'
import { AgentStore } from './agent-store'
import { AgentTaskKeys } from './agent-task-keys'

/** A shift: an agent logs in again the next working day. */
export const AGENT_SESSION_SECONDS = 8 * 3600

export interface AgentFeature {
  service: AgentService
  /** 代办: payments and bookings confirmed by the resident with a one-time code. */
  proxy: AgentProxyService
  store: AgentStore
  sessions: AgentSessions
}

/** The store first: the agent links and the payment and repair hooks reach it before the rest. */
export function agentStoreOf(db: DataSource): AgentStore {
  return new AgentStore(db)
}

/** Payment states in which the money has reached the account (an IC card is written later). */
const CREDITED: ReadonlySet<string> = new Set(['CREDITED', 'AWAITING_CARD_WRITE', 'CARD_WRITTEN'])

/** The hooks other features call; tracking failures are logged and never block them. */
export interface AgentTaskHooks {
  onTaskOpened(taskId: string, at: Date): Promise<void>
  onPaymentCredited(accountNo: string, orderNo: string): Promise<void>
  onRepairCreated(accountNo: string, repairNo: string): Promise<void>
  onInspectionBooked(accountNo: string, inspectionId: string): Promise<void>
  /** For the payment core's end-state notices: only a credited order completes a task. */
  onOrderSettled(notice: { accountNo: string; orderNo: string; state: string }): Promise<void>
}

export function agentTaskHooks(store: AgentStore, now: () => Date, logger: Logger): AgentTaskHooks {
  const quietly = (work: Promise<unknown>) =>
    work.then(
      () => undefined,
      (err: unknown) => logger.warn({ err }, 'agent task tracking failed'),
    )
  const hooks: AgentTaskHooks = {
    onTaskOpened: (taskId, at) => quietly(store.markOpened(taskId, at)),
    onPaymentCredited: (accountNo, orderNo) =>
      quietly(store.markDone(accountNo, 'payment', orderNo, now())),
    onRepairCreated: (accountNo, repairNo) =>
      quietly(store.markDone(accountNo, 'repair', repairNo, now())),
    onInspectionBooked: (accountNo, inspectionId) =>
      quietly(store.markDone(accountNo, 'inspection', inspectionId, now())),
    onOrderSettled: async (notice) => {
      if (CREDITED.has(notice.state))
        await hooks.onPaymentCredited(notice.accountNo, notice.orderNo)
    },
  }
  return hooks
}

export function buildAgentFeature(deps: {
  store: AgentStore
  redis: Redis
  namespace: string
  customers: CustomersPort
  agentLinks: AgentLinkService
  home: { page(accountNo: string, log: Logger): Promise<HomePage> }
  h5BaseUrl: string
  wxaCodes: WxaCodePort | null
  wxaEnvVersion: WxaEnvVersion
  db: DataSource
  payments: ProxyPayments
  repairs: ProxyRepairs
  inspections: ProxyInspections
  /** The resident's verified phone, the booking's contact when they have one. */
  phoneOf: (userId: string) => Promise<string | null>
  /** Keys the 代办 codes' HMAC. */
  secret: string
  now: () => Date
}): AgentFeature {
  const { redis, namespace } = deps
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${namespace}:agent-login-${name}`,
      points,
      duration: 15 * 60,
      blockDuration: 15 * 60,
    })
  const sessions = new AgentSessions(redis, namespace, AGENT_SESSION_SECONDS)
  const service = new AgentService({
    store: deps.store,
    sessions,
    taskKeys: new AgentTaskKeys(redis, namespace),
    customers: deps.customers,
    agentLinks: deps.agentLinks,
    home: deps.home,
    limits: {
      perLogin: limiter('name', 5),
      perIp: limiter('ip', 30),
      // Four searches a minute is more than a call needs, and far too few to walk phone numbers.
      search: new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${namespace}:agent-search`,
        points: 60,
        duration: 15 * 60,
      }),
      // The console reloads an open account when it is shown again: views get more room.
      view: new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${namespace}:agent-view`,
        points: 120,
        duration: 15 * 60,
      }),
    },
    h5BaseUrl: deps.h5BaseUrl,
    wxaCodes: deps.wxaCodes,
    wxaEnvVersion: deps.wxaEnvVersion,
    now: deps.now,
  })
  const proxy = new AgentProxyService({
    agents: service,
    store: deps.store,
    proxies: new AgentProxyStore(deps.db),
    payments: deps.payments,
    repairs: deps.repairs,
    inspections: deps.inspections,
    phoneOf: deps.phoneOf,
    customers: deps.customers,
    attempts: new ProxyCodeAttempts(redis, namespace, deps.now),
    secret: deps.secret,
    now: deps.now,
  })
  return { service, proxy, store: deps.store, sessions }
}
