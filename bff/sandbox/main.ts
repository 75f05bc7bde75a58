/**
 * The core sandbox as its own process: `node --import tsx bff/sandbox/main.ts`.
 * Settings come from the environment (see config.ts).
 */
import { mkdirSync } from 'node:fs'
import { createSandbox } from './app'
import { toShanghaiIso } from './clock'
import { loadConfig } from './config'
import { createLogger } from './logger'

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  mkdirSync(config.dataDir, { recursive: true })

  const started = performance.now()
  const sandbox = createSandbox({ config, logger })
  const { url } = await sandbox.listen(config.port, config.host)
  logger.info(
    {
      url,
      seed: config.seed,
      personas: sandbox.state.ports.customers.directory.personas.length,
      generatedAccounts: config.accounts,
      faults: Object.keys(config.faults),
      clock: toShanghaiIso(sandbox.state.clock.now()),
      clockPinned: config.clockStart !== null,
      nodeEnv: config.nodeEnv,
      startupMs: Math.round(performance.now() - started),
    },
    'core sandbox listening',
  )

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'core sandbox stopping')
    sandbox
      .close()
      .then(() => {
        logger.info('core sandbox stopped')
        process.exit(0)
      })
      .catch((err: unknown) => {
        logger.error({ errName: err instanceof Error ? err.name : typeof err }, 'unclean stop')
        process.exit(1)
      })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  // Configuration errors name variables, never values of personal data.
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
