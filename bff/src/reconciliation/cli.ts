import { parseArgs } from 'node:util'
import pino from 'pino'
import { createContainer } from '../container'
import { loadConfig } from '../platform/config'
import { createLogger } from '../platform/logger'
import { isDay, previousShanghaiDay } from './day'
import { findingsTable } from './report'

/**
 * Reconciles one day on demand and prints its findings:
 *   node --import tsx bff/src/reconciliation/cli.ts --day 2026-11-25
 * Same environment as the BFF; without --day, yesterday (Shanghai). Logs go to stderr so the
 * table alone is on stdout. Exit code 2 when findings are open or a bill was unavailable.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { day: { type: 'string' } } })
  const day = values.day ?? previousShanghaiDay(new Date())
  if (!isDay(day)) {
    console.error(`--day must be a date written YYYY-MM-DD, got "${day}"`)
    return 1
  }
  const config = loadConfig()
  const logger = createLogger(config.logLevel, pino.destination(2))
  const container = await createContainer(config, { logger })
  try {
    const run = await container.reconciliation.service.run(day)
    process.stdout.write(`${findingsTable(day, run.findings)}\n`)
    if (run.unavailable.length > 0) {
      process.stdout.write(`bills not available: ${run.unavailable.join(', ')}\n`)
    }
    const open = run.findings.some((f) => f.status === 'open')
    return open || run.unavailable.length > 0 ? 2 : 0
  } finally {
    await container.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('reconciliation failed:', err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
