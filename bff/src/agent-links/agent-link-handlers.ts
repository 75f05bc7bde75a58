import { IssueAgentLinkRequest, type routes } from '@gh/shared'
import type Router from '@koa/router'
import { errors } from '../platform/app-error'
import type { AppState } from '../platform/http/request-context'
import { requireOpsToken } from '../platform/http/ops-auth'
import type { RouteHandler } from '../platform/http/routes'
import type { AgentLinkService } from './agent-link-service'

type R = typeof routes

export function agentLinkHandlers(deps: { agentLinks: AgentLinkService }): {
  getAgentLink: RouteHandler<R['getAgentLink']>
  redeemAgentLink: RouteHandler<R['redeemAgentLink']>
} {
  const { agentLinks } = deps
  return {
    getAgentLink: ({ user, params }) => agentLinks.view(user.userId, params.token),
    redeemAgentLink: ({ user, params, body, log }) =>
      agentLinks.redeem(user.userId, params.token, body.label, log),
  }
}

export const OPS_AGENT_LINKS_PATH = '/ops/agent-links'

/**
 * Issuing links is the agent workbench's job, server to server with OPS_TOKEN, so a resident's
 * session can never mint one. Mounted only when OPS_TOKEN is set.
 */
export function mountAgentLinkOps(
  router: Router<AppState>,
  agentLinks: AgentLinkService,
  opsToken: string,
): void {
  router.post(OPS_AGENT_LINKS_PATH, async (ctx) => {
    ctx.state.routeTemplate = OPS_AGENT_LINKS_PATH
    requireOpsToken(ctx, opsToken)
    const parsed = IssueAgentLinkRequest.safeParse(ctx.request.body ?? {})
    if (!parsed.success) throw errors.validation(parsed.error.issues[0]?.message ?? '请求内容有误')
    ctx.status = 201
    ctx.set('cache-control', 'no-store')
    ctx.body = await agentLinks.issue(parsed.data)
  })
}
