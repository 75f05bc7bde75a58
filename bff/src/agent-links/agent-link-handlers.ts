import { IssueAgentLinkRequest, type routes } from '@gh/shared'
import type Router from '@koa/router'
import { errors } from '../platform/app-error'
import type { AppState } from '../platform/http/request-context'
import { IdempotencyStore } from '../platform/http/idempotency'
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

const OPS_AGENT_LINKS_PATH = '/ops/agent-links'

/**
 * Issuing links is the agent workbench's job, server to server with OPS_TOKEN, so a resident's
 * session can never mint one. Mounted only when OPS_TOKEN is set.
 */
export function mountAgentLinkOps(
  router: Router<AppState>,
  agentLinks: AgentLinkService,
  opsToken: string,
  idempotency: IdempotencyStore,
): void {
  router.post(OPS_AGENT_LINKS_PATH, async (ctx) => {
    ctx.state.routeTemplate = OPS_AGENT_LINKS_PATH
    requireOpsToken(ctx, opsToken)
    // A workbench retrying after a timeout gets the same link, not a second one.
    const key = ctx.get('idempotency-key') || undefined
    if (!IdempotencyStore.validKey(key)) throw errors.idempotencyKeyRequired()
    const body: unknown = ctx.request.body ?? {}
    const pending = await idempotency.begin('ops', 'issueAgentLink', key, { path: ctx.path, body })
    ctx.set('cache-control', 'no-store')
    if (pending.kind === 'replay') {
      ctx.set('idempotent-replayed', 'true')
      ctx.status = pending.status
      ctx.body = pending.body
      return
    }
    try {
      const parsed = IssueAgentLinkRequest.safeParse(body)
      if (!parsed.success) {
        throw errors.validation(parsed.error.issues[0]?.message ?? '请求内容有误')
      }
      const issued = await agentLinks.issue(parsed.data)
      ctx.status = 201
      ctx.body = issued
      await pending.complete(201, issued)
    } catch (err) {
      await pending.abandon()
      throw err
    }
  })
}
