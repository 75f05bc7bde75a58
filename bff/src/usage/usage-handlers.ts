import type { routes } from '@gh/shared'
import type { RouteHandler } from '../platform/http/routes'
import type { UsageService } from './usage-service'

type R = typeof routes

export function usageHandlers(deps: { usage: UsageService }): {
  getUsage: RouteHandler<R['getUsage']>
} {
  const { usage } = deps
  return {
    getUsage: ({ params, query }) => usage.get(params.accountNo, query.months),
  }
}
