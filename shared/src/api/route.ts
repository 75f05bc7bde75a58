import type { z } from 'zod'
import type { ErrorCode } from '../errors'
import { NoBody, NoParams, NoQuery } from './common'
import { FileReply } from './files'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** Who may call a route. `user` needs a session token; `public` needs none. */
export type RouteAuth = 'public' | 'user' | 'agent' | 'platform-signature'

/**
 * A route whose body is one file in `multipart/form-data` instead of JSON. The BFF reads it only
 * after the caller passed the guards, and never more than `maxBytes` of it.
 */
export interface FileUpload {
  /** The form field that carries the file. */
  readonly field: string
  readonly maxBytes: number
  /** What the BFF accepts, judged from the bytes (the declared type is not believed). */
  readonly mediaTypes: readonly string[]
  /** Answered (413) when the file is larger than `maxBytes`. */
  readonly tooLarge: ErrorCode
  /** Answered when the form carries no file in `field`. */
  readonly missing: ErrorCode
}

/** A route that answers a file (its bytes, or a redirect to them) instead of JSON. */
export interface FileDownload {
  readonly mediaTypes: readonly string[]
}

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
  /** Set when the body is one file in multipart/form-data; `body` then describes the form. */
  readonly upload?: FileUpload
  /** Set when the route answers a file; `response` is then `FileReply`. */
  readonly download?: FileDownload
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
  // A file's body cannot be fingerprinted before the guards let it be read, so a repeat is
  // recognised by what the handler stored under the key.
  if (definition.upload && definition.replay !== 'resource') {
    throw new Error(`route ${definition.id}: a file upload must replay its stored resource`)
  }
  if (definition.download && (definition.response as z.ZodType) !== FileReply) {
    throw new Error(`route ${definition.id}: a file download must answer FileReply`)
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
