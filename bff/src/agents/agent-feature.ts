import type { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'
import type { DataSource } from 'typeorm'
import type { AgentLinkService } from '../agent-links/agent-link-service'
import type { Logger } from '../platform/logger'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { HomePage } from '@gh/shared'
import { AgentService } from './agent-service'
import { AgentSessions } from './agent-sessions'
import { AgentStore } from './agent-store'

/** A shift: an agent logs in again the next working day. */
export const AGENT_SESSION_SECONDS = 8 * 3600

export interface AgentFeature {
  service: AgentService
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
    customers: deps.customers,
    agentLinks: deps.agentLinks,
    home: deps.home,
    limits: { perLogin: limiter('name', 5), perIp: limiter('ip', 30) },
    h5BaseUrl: deps.h5BaseUrl,
    now: deps.now,
  })
  return { service, store: deps.store, sessions }
}
