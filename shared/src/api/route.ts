import type { z } from 'zod'
import { NoBody, NoParams, NoQuery } from './common'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** Who may call a route. `user` needs a session token; `public` needs none. */
export type RouteAuth = 'public' | 'user' | 'agent' | 'platform-signature'

/**
 * One BFF endpoint, described once and used by both sides: the BFF parses input with these
 * schemas and publishes them in its OpenAPI document; the mini-program's API client derives
 * its argument and result types from them.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly id: string
  readonly method: HttpMethod
  /** Koa-style path under /api/v1, e.g. `/accounts/:accountNo`. */
  readonly path: string
  readonly summary: string
  readonly tag: string
  readonly auth: RouteAuth
  /** True when the path carries `:accountNo` and the binding guard must check it. */
  readonly accountScoped: boolean
  /** Mutating routes require an `Idempotency-Key` header. */
  readonly idempotent: boolean
  /**
   * How a repeated key is answered. `response` (the default): the first response is kept and
   * replayed. `resource`: the handler stores what it creates under the key (a unique
   * constraint in the database) and answers it as it is now, e.g. a payment order that has
   * been paid since; a concurrent repeat waits for the first instead of being refused.
   */
  readonly replay?: 'response' | 'resource'
  readonly params: P
  readonly query: Q
  readonly body: B
  readonly response: R
}

/**
 * What a route file writes: a route with no path parameters, query or body leaves them out and
 * gets the empty schemas, so a spec names only what sets it apart.
 */
export type RouteDefinition<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> = Omit<RouteSpec<P, Q, B, R>, 'params' | 'query' | 'body'> & {
  readonly params?: P
  readonly query?: Q
  readonly body?: B
}

export function defineRoute<
  P extends z.ZodType = typeof NoParams,
  Q extends z.ZodType = typeof NoQuery,
  B extends z.ZodType = typeof NoBody,
  R extends z.ZodType = z.ZodType,
>(definition: RouteDefinition<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  const scoped = definition.path.includes(':accountNo')
  if (scoped !== definition.accountScoped) {
    throw new Error(
      `route ${definition.id}: accountScoped must match the :accountNo path parameter`,
    )
  }
  // A left-out schema means its type parameter fell back to the matching default above.
  return {
    ...definition,
    params: (definition.params ?? NoParams) as P,
    query: (definition.query ?? NoQuery) as Q,
    body: (definition.body ?? NoBody) as B,
  }
}

export type RouteParams<S extends RouteSpec> = z.input<S['params']>
export type RouteQuery<S extends RouteSpec> = z.input<S['query']>
export type RouteBody<S extends RouteSpec> = z.input<S['body']>
export type RouteResult<S extends RouteSpec> = z.output<S['response']>
