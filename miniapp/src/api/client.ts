import { ErrorEnvelope, isErrorCode } from '@gh/shared'
import type { RouteBody, RouteParams, RouteQuery, RouteResult, RouteSpec } from '@gh/shared'
import { ApiError, isLoginError } from './api-error'

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  headers: Record<string, string>
  body?: unknown
}

export interface HttpResponse {
  statusCode: number
  data: unknown
  headers?: Record<string, string | undefined>
}

/** Sends one HTTP request; rejects only when no response arrived (offline, timeout). */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>

export interface ApiClientDeps {
  baseUrl: string
  transport: Transport
  tokens: { get(): string | undefined; clear(): void }
  /** Called once per lost session, e.g. to open the login page. */
  onSessionExpired: () => void
  newIdempotencyKey?: () => string
}

// An empty zod object's input type is Record<string, never>: `{}` fits it, so the part is optional.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Section<K extends string, T> = {} extends T ? { [P in K]?: T } : { [P in K]: T }

export type RequestArgs<S extends RouteSpec> = Section<'params', RouteParams<S>> &
  Section<'query', RouteQuery<S>> &
  Section<'body', RouteBody<S>> & {
    /** Reuse the key when retrying the same operation, so the BFF applies it once. */
    idempotencyKey?: string
  }

type ArgsTuple<S extends RouteSpec> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  {} extends RequestArgs<S> ? [args?: RequestArgs<S>] : [args: RequestArgs<S>]

export type ApiRequest = <S extends RouteSpec>(
  spec: S,
  ...args: ArgsTuple<S>
) => Promise<RouteResult<S>>

export function randomKey(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `${Date.now().toString(16)}-${hex(8)}-${hex(8)}`
}

export function buildUrl(baseUrl: string, path: string, params: object, query: object): string {
  const values = params as Record<string, unknown>
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
  const pairs: string[] = []
  for (const [key, value] of Object.entries(query)) {
    const list: unknown[] = Array.isArray(value) ? value : [value]
    for (const item of list) {
      if (item === undefined || item === null) continue
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`)
    }
  }
  return `${baseUrl.replace(/\/$/, '')}${filled}${pairs.length ? `?${pairs.join('&')}` : ''}`
}

/** The ApiError of a non-2xx answer: the BFF's envelope, or what a gateway's bare status means. */
export function errorFromResponse(res: HttpResponse): ApiError {
  const envelope = ErrorEnvelope.safeParse(res.data)
  if (envelope.success) {
    const { code, message, requestId, retryAfterSeconds } = envelope.data.error
    // A code this build does not know (a newer BFF) still shows the BFF's own message.
    return new ApiError({
      code: isErrorCode(code) ? code : 'INTERNAL',
      message,
      requestId,
      status: res.statusCode,
      retryAfterSeconds,
    })
  }
  // No envelope: the answer came from a proxy or gateway in front of the BFF, not from it.
  const code =
    res.statusCode === 401
      ? 'UNAUTHENTICATED'
      : res.statusCode === 429
        ? 'RATE_LIMITED'
        : res.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : 'UPSTREAM_UNAVAILABLE'
  return new ApiError({ code, status: res.statusCode, requestId: res.headers?.['x-request-id'] })
}

export interface SessionGuard {
  /** The token to send, or undefined; sending one re-arms the expiry handling. */
  token: () => string | undefined
  /** A 401 answered a request sent with `sentToken`: forget it and open login, once. */
  expired: (sentToken: string | undefined) => void
}

/** What every client (JSON requests, uploads) does with the session token and its expiry. */
export function sessionGuard(
  deps: Pick<ApiClientDeps, 'tokens' | 'onSessionExpired'>,
): SessionGuard {
  let expiryHandled = false
  return {
    token() {
      const token = deps.tokens.get()
      if (token !== undefined) expiryHandled = false
      return token
    },
    expired(sentToken) {
      if (sentToken === undefined) return
      deps.tokens.clear()
      if (expiryHandled) return
      expiryHandled = true
      deps.onSessionExpired()
    },
  }
}

export function createApiClient(deps: ApiClientDeps): ApiRequest {
  const newKey = deps.newIdempotencyKey ?? randomKey
  const session = sessionGuard(deps)

  async function request<S extends RouteSpec>(
    spec: S,
    args: Partial<RequestArgs<S>> = {},
  ): Promise<RouteResult<S>> {
    const params = spec.params.safeParse(args.params ?? {})
    const query = spec.query.safeParse(args.query ?? {})
    const body = spec.body.safeParse(args.body ?? {})
    if (!params.success || !query.success || !body.success) {
      throw new ApiError({ code: 'VALIDATION_FAILED' })
    }

    const token = spec.auth === 'public' ? undefined : session.token()
    if (spec.auth === 'user' && token === undefined) throw new ApiError({ code: 'UNAUTHENTICATED' })

    const method = spec.method.toUpperCase() as HttpRequest['method']
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (token !== undefined) headers.Authorization = `Bearer ${token}`
    if (spec.idempotent) headers['Idempotency-Key'] = args.idempotencyKey ?? newKey()
    const hasBody = method !== 'GET' && method !== 'DELETE'
    if (hasBody) headers['Content-Type'] = 'application/json'

    let res: HttpResponse
    try {
      res = await deps.transport({
        url: buildUrl(deps.baseUrl, spec.path, params.data as object, query.data as object),
        method,
        headers,
        ...(hasBody ? { body: body.data } : {}),
      })
    } catch {
      throw new ApiError({ code: 'NETWORK_ERROR' })
    }

    if (res.statusCode < 200 || res.statusCode >= 300) {
      const err = errorFromResponse(res)
      if (res.statusCode === 401 && isLoginError(err)) session.expired(token)
      throw err
    }
    const parsed = spec.response.safeParse(res.data)
    if (!parsed.success) {
      throw new ApiError({ code: 'INVALID_RESPONSE', requestId: res.headers?.['x-request-id'] })
    }
    return parsed.data as RouteResult<S>
  }

  return request as ApiRequest
}
