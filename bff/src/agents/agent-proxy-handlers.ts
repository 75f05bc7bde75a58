import type { agentProxyRoutes, proxyRequestRoutes } from '@gh/shared'
import type { HandlerMap } from '../platform/http/routes'
import type { AgentProxyService } from './agent-proxy-service'

/** The agent's side of 代办; the pipeline hands them the agent's id as `user.userId`. */
export function agentProxyHandlers(proxy: AgentProxyService): HandlerMap<typeof agentProxyRoutes> {
  return {
    createProxyRequest: ({ user, body, requestId, idempotencyKey }) =>
      proxy.create({ agentId: user.userId, requestId }, body, idempotencyKey),
    listAgentProxyRequests: ({ user, query }) =>
      proxy.ofAgent(user.userId, query.status === 'pending'),
    getAgentBookingOptions: ({ user, params, requestId }) =>
      proxy.bookingOptions({ agentId: user.userId, requestId }, params.account),
  }
}

/** The resident's side: the binding guard has checked the account before these run. */
export function proxyRequestHandlers(
  proxy: AgentProxyService,
): HandlerMap<typeof proxyRequestRoutes> {
  return {
    listProxyRequests: ({ params }) => proxy.pending(params.accountNo),
    confirmProxyRequest: ({ user, params, body, ip, log }) =>
      proxy.confirm(user.userId, params.accountNo, params.id, body, ip, log),
  }
}
