import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Koa from 'koa'
import type { Logger } from 'pino'
import { adminRouter } from './admin/routes'
import { SandboxClock } from './clock'
import { sandboxConfig, type SandboxConfig } from './config'
import { FaultInjector } from './faults'
import { silentLogger } from './logger'
import { errorHandler } from './middleware/errors'
import { injectFaults } from './middleware/faults'
import { requestLog } from './middleware/request-log'
import {
  closePorts,
  createPortStates,
  credentialSections,
  portRouters,
  type PortStates,
} from './ports'

export interface SandboxOptions {
  /** Defaults as documented in config.ts; the environment is not read. */
  readonly config?: Partial<SandboxConfig>
  readonly logger?: Logger
  readonly clock?: SandboxClock
  /** How long close() lets in-flight requests finish before cutting connections. */
  readonly closeGraceMs?: number
}

export interface SandboxState {
  readonly clock: SandboxClock
  readonly faults: FaultInjector
  readonly ports: PortStates
}

export interface Sandbox {
  readonly app: Koa
  readonly config: SandboxConfig
  readonly state: SandboxState
  /** Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ server: Server; url: string }>
  /** Releases requests held by faults, stops listening and waits for the server to close. */
  close(): Promise<void>
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const config = sandboxConfig(options.config)
  const logger = options.logger ?? silentLogger
  const clock = options.clock ?? new SandboxClock()
  // Before any port is built: each seeds its data from the day the clock shows at start.
  if (config.clockStart) clock.set(config.clockStart)
  const faults = new FaultInjector(config.seed, config.faults)
  const ports = createPortStates({ config, clock, logger })
  const state: SandboxState = { clock, faults, ports }

  const app = new Koa()
  app.on('error', (err: unknown) => {
    logger.debug({ errName: err instanceof Error ? err.name : typeof err }, 'koa error')
  })
  app.use(requestLog(logger))
  app.use(errorHandler(logger))
  app.use(injectFaults(faults))
  const routers = [
    adminRouter({
      config,
      clock,
      faults,
      directory: ports.customers.directory,
      credentials: (origin) => credentialSections(ports, origin),
    }),
    ...portRouters(ports),
  ]
  for (const router of routers) app.use(router.routes())

  const servers = new Set<Server>()
  const closeGraceMs = options.closeGraceMs ?? 3000

  async function listen(port = 0, host = config.host): Promise<{ server: Server; url: string }> {
    const server = createServer(app.callback())
    servers.add(server)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => resolve())
    })
    const address = server.address() as AddressInfo
    const hostPart = host.includes(':') ? `[${host}]` : host
    return { server, url: `http://${hostPart}:${address.port}` }
  }

  async function close(): Promise<void> {
    faults.close()
    await closePorts(ports)
    await Promise.all(
      [...servers].map(
        (server) =>
          new Promise<void>((resolve) => {
            const cut = setTimeout(() => server.closeAllConnections(), closeGraceMs)
            cut.unref()
            server.close(() => {
              clearTimeout(cut)
              resolve()
            })
            server.closeIdleConnections()
          }),
      ),
    )
    servers.clear()
  }

  return { app, config, state, listen, close }
}
