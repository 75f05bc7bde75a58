import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import type { z } from 'zod'
import { contractFileName } from '../../contracts'
import { toOpenApi } from '../../contracts/openapi'
import { toShanghaiIso, type SandboxClock } from '../clock'
import type { SandboxConfig } from '../config'
import type { FaultInjector } from '../faults'
import { FaultsUpdate } from '../faults'
import { SandboxError, parseOr400 } from '../middleware/errors'
import type { AccountDirectory } from '../ports/customers/directory'
import { portContracts } from '../ports'
import { portNames } from '../ports/names'
import { listAccounts } from './accounts'
import { sandboxContract } from './openapi'
import { AccountsQuery, ClockUpdate, PortParam, type ClockState, type FaultsState } from './schemas'

export interface AdminDeps {
  readonly config: SandboxConfig
  readonly clock: SandboxClock
  readonly faults: FaultInjector
  readonly directory: AccountDirectory
  /** The payment and login consoles' material for this sandbox, keyed by provider. */
  readonly credentials: (origin: string) => Record<string, unknown>
}

function clockState(clock: SandboxClock): z.infer<typeof ClockState> {
  return { now: toShanghaiIso(clock.now(), true), offsetMs: clock.offsetMs }
}

/**
 * Control endpoints (faults, clock) and, outside production, developer endpoints that reveal
 * binding proofs and documents. None of them is ever faulted.
 */
export function adminRouter(deps: AdminDeps): Router {
  const { clock, faults } = deps
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })

  const faultsState = (): z.infer<typeof FaultsState> => ({ ports: faults.snapshot() })
  router.get('/sandbox/faults', (ctx) => {
    ctx.body = faultsState()
  })
  router.post('/sandbox/faults', (ctx) => {
    const update = parseOr400(FaultsUpdate, ctx.request.body)
    if ('ports' in update) faults.setMany(update.ports)
    else {
      const { port, ...config } = update
      faults.set(port, config)
    }
    ctx.body = faultsState()
  })
  router.delete('/sandbox/faults', (ctx) => {
    faults.clear()
    ctx.body = faultsState()
  })
  router.delete('/sandbox/faults/:port', (ctx) => {
    faults.clear(parseOr400(PortParam, ctx.params).port)
    ctx.body = faultsState()
  })

  router.get('/sandbox/clock', (ctx) => {
    ctx.body = clockState(clock)
  })
  router.post('/sandbox/clock', (ctx) => {
    const update = parseOr400(ClockUpdate, ctx.request.body)
    if ('advanceMs' in update) clock.advance(update.advanceMs)
    else if ('set' in update) clock.set(new Date(update.set))
    else clock.reset()
    ctx.body = clockState(clock)
  })

  if (deps.config.nodeEnv === 'production') return router

  router.get('/sandbox/accounts', (ctx) => {
    const query = parseOr400(AccountsQuery, ctx.query)
    ctx.body = listAccounts(deps.directory, query.page, query.pageSize)
  })
  router.get('/sandbox/credentials', (ctx) => {
    // Koa 3's ctx.origin is the Origin request header; this is the address the caller used.
    ctx.body = deps.credentials(`${ctx.protocol}://${ctx.host}`)
  })
  router.get('/sandbox/openapi.json', (ctx) => {
    ctx.body = toOpenApi(sandboxContract)
  })
  router.get('/sandbox/contracts/:file', (ctx) => {
    const contract = portNames
      .map((port) => portContracts[port])
      .find((c) => c !== undefined && contractFileName(c) === ctx.params.file)
    if (!contract) throw new SandboxError(404, 'NOT_FOUND', '没有这个契约文档')
    ctx.body = toOpenApi(contract)
  })

  return router
}
