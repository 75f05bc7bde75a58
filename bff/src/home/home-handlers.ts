import type { routes } from '@gh/shared'
import type { RouteHandler } from '../platform/http/routes'
import type { HomeService } from './home-service'

type R = typeof routes

export function homeHandlers(deps: { home: HomeService }): {
  getHome: RouteHandler<R['getHome']>
} {
  const { home } = deps
  return {
    getHome: ({ params, log }) => home.page(params.accountNo, log),
  }
}
