import type { agentRoutes } from '@gh/shared'
import type { AgentLinkService } from '../agent-links/agent-link-service'
import { sessionIdOf } from '../auth/session-store'
import { errors } from '../platform/app-error'
import type { HandlerMap } from '../platform/http/routes'
import type { AgentService } from './agent-service'

/** Most a supervisor may export at once: a quarter. */
const MAX_AUDIT_SPAN_MS = 92 * 24 * 3600_000

function period(query: { from: string; to: string }): [Date, Date] {
  const from = new Date(query.from)
  const to = new Date(query.to)
  if (to <= from) throw errors.validation('结束时间须晚于开始时间')
  if (to.getTime() - from.getTime() > MAX_AUDIT_SPAN_MS) {
    throw errors.validation('一次最多导出三个月的记录')
  }
  return [from, to]
}

/** The workbench's handlers; the pipeline hands them the agent's id as `user.userId`. */
export function agentHandlers(deps: {
  agents: AgentService
  agentLinks: AgentLinkService
}): HandlerMap<typeof agentRoutes> {
  const { agents, agentLinks } = deps
  const acting = (user: { userId: string }, requestId: string) => ({
    agentId: user.userId,
    requestId,
  })
  return {
    agentLogin: ({ body, requestId, ip }) =>
      agents.login(body.loginName, body.password, ip, requestId),
    agentLogout: ({ user, requestId }) => {
      const sessionId = sessionIdOf(user)
      if (!sessionId) throw errors.unauthenticated()
      return agents.logout(acting(user, requestId), sessionId)
    },
    getAgentMe: ({ user }) => agents.profile(user.userId),
    findAgentAccounts: ({ user, body, requestId }) => agents.find(acting(user, requestId), body.q),
    getAgentAccount: ({ user, params, requestId, log }) =>
      agents.view(acting(user, requestId), params.account, log),
    createAgentTask: ({ user, body, requestId, log, idempotencyKey }) =>
      agents.createTask(acting(user, requestId), body, log, idempotencyKey),
    listAgentTasks: ({ user, query }) => agents.tasks(user.userId, query.status === 'open'),
    listAgentAudit: ({ user, query, requestId }) =>
      agents.auditRows(acting(user, requestId), ...period(query)),
    exportAgentAudit: async ({ user, query, requestId }) => ({
      kind: 'bytes',
      contentType: 'text/csv; charset=utf-8',
      bytes: await agents.auditCsv(acting(user, requestId), ...period(query)),
    }),
    resolveScene: ({ params }) => agentLinks.landing(params.scene),
  }
}
