import type { z } from 'zod'
import { AccountNo, type FileReply, type RouteSpec, type RouteResult } from '@gh/shared'
import { AppError, errors } from '../app-error'
import type { Logger } from '../logger'
import { IdempotencyStore } from './idempotency'
import { readUpload, sendFile, type UploadGate } from './file-routes'
import { later } from '../later'
import type { SessionUser } from './request-context'
import type { RouteTable } from './route-table'

export const API_PREFIX = '/api/v1'

export interface HandlerInput<S extends RouteSpec> {
  params: z.output<S['params']>
  query: z.output<S['query']>
  body: z.output<S['body']>
  user: S['auth'] extends 'public' ? SessionUser | undefined : SessionUser
  requestId: string
  log: Logger
  idempotencyKey: string | undefined
  /**
   * The caller's address, for per-IP limits. `ctx.ip` believes X-Forwarded-For only as far as
   * TRUST_PROXY_HOPS says: with 0 it is the socket's peer, with n the address the outermost of
   * our n proxies saw, so a client cannot choose its own address (and with it a fresh limit).
   */
  ip: string
}

export type RouteHandler<S extends RouteSpec> = (input: HandlerInput<S>) => Promise<RouteResult<S>>

/** A handler for every spec of a catalogue: a spec without a handler does not compile. */
export type HandlerMap<C extends Record<string, RouteSpec>> = { [K in keyof C]: RouteHandler<C[K]> }

interface RouteGuards {
  /** Resolves a bearer token to a user, or null when unknown or expired. */
  authenticate(token: string): Promise<SessionUser | null>
  /** The one binding check every account-scoped route goes through. */
  isBound(userId: string, accountNo: string): Promise<boolean>
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const first = parsed.error.issues[0]
  const field = first?.path.length ? `（${first.path.join('.')}）` : ''
  throw errors.validation(`${first?.message ?? '填写的内容有误'}${field}`)
}

/**
 * Answers a handler built once from an in-process cached answer and hands out again unchanged
 * for as long as that answer lives (see `reusableAnswer`), with the JSON sent for each the first
 * time: sent again without checking and serialising it again. Forgotten with the answer.
 */
const reusable = new WeakMap<object, string | null>()

/**
 * Marks a read's answer as never changed after it is returned, so the pipeline checks and
 * serialises it once however often the handler returns this same object.
 */
export function reusableAnswer<T extends object>(answer: T): T {
  if (!reusable.has(answer)) reusable.set(answer, null)
  return answer
}

function bearer(header: string): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(header)
  return match?.[1]
}

/**
 * Registers each spec on the router with the same pipeline, in this order: authenticate →
 * parse the account number → binding guard and idempotency claim (at once; a failed guard drops
 * the claim) → parse the other path parameters, query and body (a file route reads its
 * multipart body only here) → handler → parse response (a file route then answers the file's
 * bytes or a redirect instead of JSON).
 * The guard runs before body parsing so an unbound caller learns nothing from validation.
 * The response schema strips fields it does not declare, so nothing unlisted leaks.
 */
export function mountRoutes<C extends Record<string, RouteSpec>>(
  table: RouteTable,
  catalogue: C,
  handlers: HandlerMap<C>,
  guards: RouteGuards,
  idempotency: IdempotencyStore,
  uploads?: UploadGate,
): void {
  for (const id of Object.keys(catalogue) as (keyof C & string)[]) {
    const spec = catalogue[id] as RouteSpec
    const handler = handlers[id] as unknown as RouteHandler<RouteSpec>
    const template = API_PREFIX + spec.path
    table.add(spec.method, template, async (ctx) => {
      ctx.state.routeTemplate = template
      let user: SessionUser | undefined
      const token = bearer(ctx.get('authorization'))
      if (token) user = (await guards.authenticate(token)) ?? undefined
      if (spec.auth !== 'public' && !user) {
        throw token ? errors.sessionExpired() : errors.unauthenticated()
      }
      // Only the account number is read before the binding guard: an unbound caller learns
      // nothing from the other parameters' validation either.
      const accountNo = spec.accountScoped
        ? parseOrThrow(AccountNo, (ctx.params as { accountNo?: unknown }).accountNo)
        : undefined
      // A file route's body is read only after the guards, below; nothing of it is parsed yet.
      const rawBody: unknown = spec.upload ? {} : (ctx.request.body ?? {})
      const key = ctx.get('idempotency-key') || undefined
      // The binding check and the key's claim are independent round trips, so they run at
      // once; an unbound caller still learns nothing: its claim is dropped, never replayed.
      if (spec.accountScoped && !user) throw errors.accountNotBound()
      const bound = spec.accountScoped
        ? later(guards.isBound(user?.userId ?? '', accountNo ?? ''))
        : undefined
      const claim =
        spec.idempotent && spec.replay !== 'resource' && IdempotencyStore.validKey(key)
          ? later(
              idempotency.begin(user?.userId ?? 'anon', spec.id, key, {
                path: ctx.path,
                body: rawBody,
              }),
            )
          : undefined
      try {
        if (bound && !(await bound())) throw errors.accountNotBound()
      } catch (err) {
        const claimed = await claim?.().catch(() => undefined)
        if (claimed?.kind === 'fresh') await claimed.abandon()
        throw err
      }
      if (spec.idempotent && !IdempotencyStore.validKey(key)) throw errors.idempotencyKeyRequired()
      const pending = claim ? await claim() : undefined
      if (pending?.kind === 'replay') {
        ctx.set('idempotent-replayed', 'true')
        ctx.status = pending.status
        ctx.body = pending.body
        return
      }
      try {
        const params = parseOrThrow(spec.params, ctx.params)
        const query = parseOrThrow(spec.query, ctx.query)
        if (spec.upload) await uploads?.admit(spec.id, user?.userId ?? '', key)
        const form = spec.upload ? await readUpload(ctx, spec.upload, uploads?.inFlight) : rawBody
        const body = parseOrThrow(spec.body, form)
        const result = await handler({
          params,
          query,
          body,
          user: user as SessionUser,
          requestId: ctx.state.requestId,
          log: ctx.state.log,
          idempotencyKey: key,
          get ip() {
            return ctx.ip || 'unknown'
          },
        })
        const reused =
          spec.method === 'get' &&
          typeof result === 'object' &&
          result !== null &&
          reusable.has(result)
        const known = reused ? reusable.get(result) : null
        if (known) {
          ctx.status = 200
          ctx.type = 'application/json'
          ctx.body = known
          return
        }
        const out = spec.response.safeParse(result)
        if (!out.success) {
          throw new AppError('INTERNAL', { message: `response of ${spec.id} off schema` })
        }
        if (spec.download) {
          sendFile(ctx, out.data as FileReply)
          return
        }
        ctx.status = spec.method === 'post' ? 201 : 200
        if (reused) {
          const json = JSON.stringify(out.data)
          reusable.set(result, json)
          ctx.type = 'application/json'
          ctx.body = json
          return
        }
        ctx.body = out.data
        if (pending?.kind === 'fresh') await pending.complete(ctx.status, out.data)
      } catch (err) {
        if (pending?.kind === 'fresh') await pending.abandon()
        throw err
      }
    })
  }
}
