import Router from '@koa/router'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import type { Middleware } from 'koa'
import type { HttpMethod } from '@gh/shared'
import type { AppState } from './request-context'

/**
 * The app's routes. Every route is on the @koa/router, which keeps the list, answers OPTIONS
 * and a wrong method (405 with Allow) and decodes parameters; the common request (a known
 * method on a plain path) is found instead by a radix tree in one walk of the path, rather than
 * by testing every route's pattern in turn, which with a hundred routes was a measurable part
 * of each read's CPU. Anything the tree is not sure of goes to the router, so both answer the
 * same: a path with an escape (`%`) to decode, a miss, or an empty parameter.
 */
export class RouteTable {
  readonly router = new Router<AppState>()
  private readonly tree = FindMyWay({
    caseSensitive: true,
    ignoreTrailingSlash: false,
    maxParamLength: 512,
  })
  private readonly handlers: Middleware<AppState>[] = []

  add(method: HttpMethod, template: string, handler: Middleware<AppState>): void {
    this.router[method](template, handler)
    const index = this.handlers.push(handler) - 1
    this.tree.on(method.toUpperCase() as HTTPMethod, template, () => undefined, index)
  }

  /** Runs the route the tree finds for sure; anything else goes on to `next` (the router). */
  fastPath(): Middleware<AppState> {
    return (ctx, next) => {
      const path = ctx.path
      if (path.includes('%')) return next()
      const found = this.tree.find(ctx.method as HTTPMethod, path)
      if (!found) return next()
      const index: unknown = found.store
      const handler = typeof index === 'number' ? this.handlers[index] : undefined
      const params = found.params as Record<string, string | undefined>
      for (const name in params) if (!params[name]) return next()
      if (!handler) return next()
      ctx.params = params as Record<string, string>
      return handler(ctx, next)
    }
  }
}
