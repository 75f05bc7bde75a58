import type { Server } from 'node:http'
import { createApp } from './app'
import { createContainer } from './container'
import { loadConfig } from './platform/config'

async function main(): Promise<void> {
  const config = loadConfig()
  const container = await createContainer(config)
  const { app, beginShutdown } = createApp(container)
  const log = container.logger
  const server: Server = app.listen(config.port, config.host, () => {
    log.info({ host: config.host, port: config.port, env: config.env }, 'bff listening')
  })

  let stopping = false
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
    // Stop accepting, let in-flight requests finish, then release connections and pools.
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

main().catch((err: unknown) => {
  console.error('bff failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
