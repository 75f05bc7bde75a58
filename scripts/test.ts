import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isShuttingDown, onShutdown, shutdown } from './lib/lifecycle'
import { color, fail } from './lib/log'
import {
  ensureChromium,
  ensurePostgres,
  ensureRedis,
  installMissingTools,
  type Service,
  type Tool,
} from './lib/services'
import {
  formatSummary,
  parseSelection,
  prerequisitesOf,
  STEP_HELP,
  STEP_NAMES,
  type Selection,
  type StepName,
  type StepResult,
} from './lib/steps'
import * as steps from './lib/test-steps'

/*
 * `npm test`: every check CI runs, in order, each timed, with a summary at the end. A failed
 * step does not stop the others unless they need it; services always stop, even on Ctrl-C.
 */

interface Services {
  redis?: Service
  postgres?: Service
  e2eRedis?: Service
  chromium?: string
}

function usage(): string {
  const rows = STEP_NAMES.map((name) => `  ${name.padEnd(10)} ${STEP_HELP[name]}`)
  return [
    'usage: npm test [-- --only step,step] [-- --skip step,step]',
    '',
    'steps, in order:',
    ...rows,
    '',
    'Needed steps are added (unit needs services; e2e needs services and h5).',
    'REDIS_URL, TEST_DATABASE_URL and CHROMIUM_PATH replace the private services.',
  ].join('\n')
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new steps.StepFailure(`${what} is not running`)
  return value
}

async function startServices(selected: Set<StepName>, tmp: string, services: Services) {
  const forUnit = selected.has('unit') || !selected.has('e2e')
  const forE2e = selected.has('e2e') || !selected.has('unit')
  const tools: Tool[] = []
  if (!process.env.REDIS_URL) tools.push('redis')
  if (forUnit && !process.env.TEST_DATABASE_URL) tools.push('postgres')
  if (forE2e && !process.env.CHROMIUM_PATH) tools.push('chromium')
  await installMissingTools(tools)
  if (forUnit) {
    services.redis = await ensureRedis({ dataDir: path.join(tmp, 'redis') })
    services.postgres = await ensurePostgres({ dir: path.join(tmp, 'pg') })
  }
  if (forE2e) {
    // Its own Redis, so keys left by the integration tests cannot change what e2e sees.
    services.e2eRedis = await ensureRedis({ dataDir: path.join(tmp, 'redis-e2e') })
    services.chromium = await ensureChromium()
  }
}

async function runStep(name: StepName, body: () => Promise<unknown>): Promise<StepResult> {
  console.log(`\n${color.bold(`━━ ${name}`)} ${color.dim(STEP_HELP[name])}`)
  const started = Date.now()
  const seconds = () => (Date.now() - started) / 1000
  try {
    const note = await body()
    console.log(`${color.green('✓')} ${name} (${seconds().toFixed(1)} s)`)
    return { name, status: 'ok', seconds: seconds(), ...(typeof note === 'string' && { note }) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (!isShuttingDown()) fail(`${name}: ${message}`)
    const note = (message.split('\n')[0] ?? '').slice(0, 70)
    return { name, status: 'failed', seconds: seconds(), note }
  }
}

async function run(selection: Selection): Promise<never> {
  const results: StepResult[] = []
  let current: { name: StepName; started: number } | undefined
  onShutdown(() => {
    if (current && !results.some((r) => r.name === current?.name)) {
      const seconds = (Date.now() - current.started) / 1000
      results.push({ name: current.name, status: 'interrupted', seconds })
    }
    for (const name of STEP_NAMES) {
      if (!results.some((r) => r.name === name))
        results.push({ name, status: 'not run', seconds: 0 })
    }
    console.log(`\n${color.bold('npm test summary')}\n${formatSummary(results)}`)
  })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-test-'))
  // The postgres user must reach its data dir inside.
  fs.chmodSync(tmp, 0o755)
  onShutdown(() => fs.rmSync(tmp, { recursive: true, force: true }))
  fs.mkdirSync(steps.logsDir, { recursive: true })

  const services: Services = {}
  const bodies: Record<StepName, () => Promise<unknown>> = {
    lint: steps.lint,
    typecheck: steps.typecheck,
    services: () => startServices(selection.steps, tmp, services),
    unit: () =>
      steps.unit({
        REDIS_URL: need(services.redis, 'Redis').url,
        TEST_DATABASE_URL: need(services.postgres, 'PostgreSQL').url,
      }),
    h5: steps.h5,
    e2e: () =>
      steps.e2e({
        tmp,
        redisUrl: need(services.e2eRedis, 'Redis').url,
        chromium: need(services.chromium, 'Chromium'),
      }),
    mp: steps.miniPrograms,
  }
  for (const name of STEP_NAMES) {
    // After Ctrl-C the shutdown hooks own the process: start nothing new.
    if (isShuttingDown()) return new Promise<never>(() => undefined)
    if (!selection.steps.has(name)) {
      results.push({ name, status: 'skipped', seconds: 0 })
      continue
    }
    const blocker = prerequisitesOf(name).find(
      (p) => results.find((r) => r.name === p)?.status !== 'ok',
    )
    if (blocker) {
      results.push({ name, status: 'blocked', seconds: 0, note: `needs ${blocker}` })
      continue
    }
    current = { name, started: Date.now() }
    const result = await runStep(name, bodies[name])
    if (!isShuttingDown()) results.push(result)
  }
  const failed = results.some((r) => r.status === 'failed' || r.status === 'blocked')
  return shutdown(failed ? 1 : 0)
}

function main(): void {
  let selection: Selection
  try {
    selection = parseSelection(process.argv.slice(2))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
    console.log(usage())
    process.exit(2)
  }
  if (selection.help) {
    console.log(usage())
    return
  }
  if (selection.added.length) console.log(`(also running ${selection.added.join(', ')}: needed)`)
  run(selection).catch(async (error: unknown) => {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error))
    await shutdown(1)
  })
}

main()
