import type { Server } from 'node:http'
import Router from '@koa/router'
import Koa from 'koa'
import { createApp } from './app'
import { entities } from './composition/entities'
import { createContainer, type Container } from './container'
import { loadConfig, type Config } from './platform/config'
import { openDatabase } from './platform/db/data-source'
import { errorMiddleware } from './platform/http/error-middleware'
import { mountHealth } from './platform/http/health'
import { requestContext, type AppState } from './platform/http/request-context'
import { createLogger } from './platform/logger'

/**
 * One build, several roles, chosen by the first argument or ROLE:
 * - `web`: the HTTP API and the H5 app; no job workers or schedules;
 * - `worker`: the BullMQ jobs and repeatable schedules, with only /healthz, /readyz, /metrics;
 * - `migrate`: applies pending migrations under a lock, then exits;
 * - `all` (the default, for development): migrations, HTTP and jobs in one process.
 * `web` and `worker` never migrate: they refuse a database the migrate role has not brought up
 * to date, so two versions never race to change one schema.
 */
const ROLES = ['all', 'web', 'worker', 'migrate'] as const
type Role = (typeof ROLES)[number]

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

function roleOf(argv: readonly string[], env: NodeJS.ProcessEnv): Role {
  const wanted = argv[2] ?? env.ROLE ?? 'all'
  if (!isRole(wanted)) throw new Error(`unknown role "${wanted}" (one of ${ROLES.join(', ')})`)
  return wanted
}

async function migrate(config: Config): Promise<void> {
  const log = createLogger(config.logLevel).child({ role: 'migrate' })
  log.info('applying migrations')
  const db = await openDatabase(config.database, entities, { migrations: 'run' })
  await db.destroy()
  log.info({ migrations: db.migrations.length }, 'database schema is up to date')
}

/** The worker's only HTTP: probes and metrics, nothing a resident can reach. */
function probesApp(container: Container, isStopping: () => boolean): Koa<AppState> {
  const app = new Koa<AppState>()
  const router = new Router<AppState>()
  app.use(requestContext(container.logger, container.metrics))
  app.use(errorMiddleware())
  mountHealth(
    router,
    container.readiness,
    container.metrics.registry,
    isStopping,
    container.config.metricsToken,
  )
  app.use(router.routes())
  return app
}

async function serve(config: Config, role: Exclude<Role, 'migrate'>): Promise<void> {
  const container = await createContainer(config, {
    workers: role !== 'web',
    migrations: role === 'all' ? 'run' : 'verify',
  })
  const log = container.logger.child({ role })
  let stopping = false
  let beginShutdown = () => {}
  let app: Koa<AppState>
  if (role === 'worker') {
    app = probesApp(container, () => stopping)
  } else {
    const bff = createApp(container)
    app = bff.app
    beginShutdown = bff.beginShutdown
  }
  const server: Server = app.listen(config.port, config.host, () => {
    log.info({ host: config.host, port: config.port, env: config.env }, 'bff listening')
  })

  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    beginShutdown()
    const force = setTimeout(() => {
      log.error('shutdown grace period over, exiting')
      process.exit(1)
    }, config.shutdownGraceMs)
    force.unref()
    // Stop accepting, let in-flight requests (and jobs) finish, then release connections and pools.
    await new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    await container.close()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception')
    process.exit(1)
  })
}

async function main(): Promise<void> {
  const role = roleOf(process.argv, process.env)
  const config = loadConfig()
  if (role === 'migrate') {
    await migrate(config)
    return
  }
  await serve(config, role)
}

main().catch((err: unknown) => {
  console.error('bff failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
