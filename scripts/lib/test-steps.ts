import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildH5, h5BuildState, h5Dir, readableTail } from './h5'
import { color, say, warn } from './log'
import { formatKb, oversized, packageSizes } from './mp-size'
import { reviewProblems } from './platform-review'
import { bin, fromRoot, repoRoot } from './paths'
import { describeExit, runCommand } from './processes'
import { findFreePort } from './ports'
import { startStack } from './stack'

/** The body of each `npm test` step; a step fails by throwing a StepFailure. */

export class StepFailure extends Error {}

export const logsDir = fromRoot('.test-data/logs')

const MINUTE = 60_000

/** Output straight to the terminal; a command hung past `minutes` is stopped and fails. */
function inherit(minutes: number, env: NodeJS.ProcessEnv = process.env) {
  return { cwd: repoRoot, env, output: { kind: 'inherit' } as const, timeoutMs: minutes * MINUTE }
}

function outcome(result: {
  timedOut: boolean
  code: number | null
  signal: NodeJS.Signals | null
}) {
  return result.timedOut ? 'timed out' : describeExit(result)
}

/*
 * --forceExit: a test that leaves a connection open must not hang CI for its whole time
 * budget; Jest still prints a "Force exiting" warning that points at the leak.
 */
const JEST_FLAGS = ['--ci', '--forceExit']

/*
 * Unit step: Jest's default of one worker per core but one leaves a 2-core machine with one,
 * and most of these tests wait on servers, PostgreSQL and Redis rather than compute: two
 * workers take about half the time there (measured on a batch of the BFF's integration files).
 */
const UNIT_WORKERS = Math.max(2, os.availableParallelism() - 1)

export async function lint(): Promise<void> {
  const cache = fromRoot('node_modules/.cache')
  const eslintArgs = ['.', '--cache', '--cache-location', path.join(cache, 'eslint/')]
  // Prettier's default cache file already lives in node_modules/.cache/prettier/.
  const prettierArgs = ['--check', '.', '--cache']
  // Each is single-threaded: side by side they use both cores of a small machine.
  const [eslint, prettier] = await Promise.all([
    runCommand('eslint', bin('eslint'), eslintArgs, inherit(8)),
    runCommand('prettier', bin('prettier'), prettierArgs, inherit(8)),
  ])
  const failed = [eslint.ok ? '' : 'eslint', prettier.ok ? '' : 'prettier'].filter(Boolean)
  if (failed.length) throw new StepFailure(failed.join(', '))
}

const workspaces = ['shared', 'bff', 'miniapp', 'scripts', 'e2e']

/** Two tsc runs at a time: 2 cores, and a tsc process is single-threaded. */
export async function typecheck(): Promise<void> {
  const projects = workspaces.filter((ws) => fs.existsSync(fromRoot(ws, 'tsconfig.json')))
  const failed: string[] = []
  const queue = [...projects]
  const worker = async () => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const started = Date.now()
      const result = await runCommand(`tsc ${project}`, bin('tsc'), ['-p', project, '--noEmit'], {
        cwd: repoRoot,
        output: { kind: 'capture' },
        timeoutMs: 8 * MINUTE,
      })
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (result.ok) {
        console.log(`  tsc -p ${project}: ${color.green('ok')} (${seconds} s)`)
      } else {
        console.log(`  tsc -p ${project}: ${color.red('FAILED')} (${seconds} s)\n${result.tail}`)
        failed.push(project)
      }
    }
  }
  await Promise.all([worker(), worker()])
  if (failed.length) throw new StepFailure(failed.join(', '))
}

export async function unit(env: { REDIS_URL: string; TEST_DATABASE_URL: string }): Promise<void> {
  for (const ws of ['shared', 'bff', 'miniapp']) {
    if (!fs.existsSync(fromRoot(ws, 'jest.config.cjs'))) {
      warn(`${ws}/jest.config.cjs does not exist: ${ws} has no tests in this run`)
    }
  }
  const jestEnv = { ...process.env, ...env }
  const flags = [...JEST_FLAGS, `--maxWorkers=${UNIT_WORKERS}`]
  const result = await runCommand('jest', bin('jest'), flags, inherit(12, jestEnv))
  if (!result.ok) throw new StepFailure(`jest ${outcome(result)}`)
}

export async function h5(): Promise<string | undefined> {
  const state = h5BuildState()
  if (!state.stale) {
    say('dist/h5 is newer than every source file: not rebuilding')
    return 'up to date'
  }
  say(`构建 H5… (${state.reason})`)
  if (!(await buildH5(path.join(logsDir, 'h5-build.log')))) throw new StepFailure('build failed')
  return undefined
}

async function twoFreePorts(): Promise<[number, number]> {
  const first = await findFreePort()
  let second = await findFreePort()
  while (second === first) second = await findFreePort()
  return [first, second]
}

/**
 * Where the e2e sandbox's clock starts (it flows on from there). Seeded bills, tiers, late fees
 * and heating seasons follow that clock and the journeys read them (张伟's newest unpaid bill
 * spans 第一阶梯 and 第二阶梯, 陈静 has overdue bills with 滞纳金), so every run sees the same
 * data whatever the date. Before real time, never after: the BFF sets an order's time_expire
 * from its own clock, and a sandbox ahead of it would find new orders already expired.
 */
export const E2E_SANDBOX_CLOCK = '2026-11-26T10:00:00+08:00'

/** One sandbox + BFF pair serving one shard of the journeys. */
interface E2eStack {
  stack: Awaited<ReturnType<typeof startStack>>
  opsToken: string
  logs: string
  died?: string
}

async function startE2eStack(
  index: number,
  options: { tmp: string; redisUrl: string },
): Promise<E2eStack> {
  const [bffPort, sandboxPort] = await twoFreePorts()
  const opsToken = randomBytes(24).toString('hex')
  const logs = path.join(logsDir, 'e2e', `stack-${index}`)
  const databaseUrl = `sqlite:${path.join(options.tmp, `e2e-bff-${index}.sqlite`)}`
  say(`stack ${index}: sandbox on :${sandboxPort}, BFF on :${bffPort} (logs: ${logs})`)
  const stack = await startStack({
    host: '127.0.0.1',
    bffPort,
    sandboxHost: '127.0.0.1',
    sandboxPort,
    // Its own Redis database, so two stacks share no sessions, limits, locks or queues.
    redisUrl: `${options.redisUrl.replace(/\/\d*$/, '')}/${index}`,
    databaseUrl,
    sandboxDataDir: path.join(options.tmp, `sandbox-${index}`),
    h5Dir,
    nodeEnv: 'development',
    logLevel: 'info',
    output: { dir: logs },
    readyTimeoutMs: 120000,
    // The operator endpoints exist only with a token; e2e issues agent links through them.
    // IC-card orders ask whether the card was written every 5 s, not every 10 minutes.
    // Every browser test logs in from 127.0.0.1: the per-IP SMS limit would stop the run.
    // A supply stop announced in the sandbox reaches the inboxes within 10 s, not 5 minutes.
    env: {
      OPS_TOKEN: opsToken,
      PAYMENT_CARD_WRITE_POLL_SECONDS: '5',
      NOTIFY_SUPPLY_STOP_POLL_SECONDS: '10',
      SMS_PER_IP_PER_HOUR: '500',
      SANDBOX_CLOCK: E2E_SANDBOX_CLOCK,
    },
  }).catch((error: unknown) => {
    throw new StepFailure(
      `stack ${index} did not start: ${error instanceof Error ? error.message : error}`,
    )
  })
  const started: E2eStack = { stack, opsToken, logs }
  void stack.unexpectedExit.then(({ name, info }) => {
    started.died = `${name} of stack ${index} died during the run (${describeExit(info)})`
  })
  // An online meter confirms a credit at its next contact, 30 s later by default; 5 s here. The
  // journeys still pass through 已发往气表 before 气表已到账, without the half-minute waits.
  const res = await fetch(`${stack.sandboxUrl}/sandbox/meters/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ confirmDelayMs: 5000 }),
  })
  await res.arrayBuffer()
  if (!res.ok) throw new StepFailure(`the sandbox refused the meter settings (${res.status})`)
  await seedDevAgents(index, databaseUrl)
  return started
}

/** The workbench's development agents (kf01, pq01, zg01, zg02), for the console journeys. */
async function seedDevAgents(index: number, databaseUrl: string): Promise<void> {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? fromRoot('bff/tsconfig.json'),
  }
  const cli = ['--import', 'tsx', fromRoot('bff/src/agents/agent-cli.ts'), 'seed-dev']
  const result = await runCommand(`agents ${index}`, process.execPath, cli, {
    cwd: repoRoot,
    env,
    output: { kind: 'capture' },
    timeoutMs: MINUTE,
  })
  if (!result.ok) throw new StepFailure(`stack ${index}: dev agents not seeded\n${result.tail}`)
}

/**
 * The journeys spend most of their time waiting (meters confirming, pages settling), so they run
 * as E2E_STACKS shards side by side (2 by default), each against its own sandbox and BFF: no
 * shard sees another's orders, bindings or SMS limits.
 */
export async function e2e(options: { tmp: string; redisUrl: string; chromium: string }) {
  const config = fromRoot('e2e/jest.config.cjs')
  if (!fs.existsSync(config)) throw new StepFailure('e2e/jest.config.cjs does not exist')
  const shards = Math.max(1, Math.min(4, Number(process.env.E2E_STACKS ?? 2) || 1))
  fs.rmSync(path.join(logsDir, 'e2e'), { recursive: true, force: true })
  const stacks: E2eStack[] = []
  try {
    const indexes = Array.from({ length: shards }, (_, i) => i + 1)
    const settled = await Promise.allSettled(indexes.map((i) => startE2eStack(i, options)))
    for (const result of settled) if (result.status === 'fulfilled') stacks.push(result.value)
    const failed = settled.find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
    // E2E_TESTS narrows a local run to the journeys being worked on (a jest path pattern).
    const only = process.env.E2E_TESTS ? [process.env.E2E_TESTS] : []
    const runs = stacks.map((s, i) => {
      const env = {
        ...process.env,
        BASE_URL: s.stack.bffUrl,
        SANDBOX_URL: s.stack.sandboxUrl,
        OPS_TOKEN: s.opsToken,
        CHROMIUM_PATH: options.chromium,
      }
      const shard = shards > 1 ? [`--shard=${i + 1}/${shards}`, '--passWithNoTests'] : []
      const args = ['-c', config, ...JEST_FLAGS, ...shard, ...only]
      const output =
        shards > 1
          ? { kind: 'prefix' as const, prefix: color.dim(`[e2e ${i + 1}/${shards}]`) }
          : { kind: 'inherit' as const }
      return runCommand(`e2e ${i + 1}`, bin('jest'), args, {
        ...inherit(12, env),
        output,
      })
    })
    const results = await Promise.all(runs)
    const problems = results.flatMap((result, i) => {
      if (result.ok) return []
      const s = stacks[i]
      return [s?.died ?? `shard ${i + 1}: jest ${outcome(result)}; logs: ${s?.logs ?? '?'}`]
    })
    if (problems.length) throw new StepFailure(problems.join('; '))
  } finally {
    await Promise.all(stacks.map((s) => s.stack.stop()))
  }
}

export async function miniPrograms(): Promise<void> {
  // Both builds at once: each is mostly one busy thread, and this machine has two cores.
  const builds = await Promise.all(
    ['weapp', 'alipay'].map(async (platform) => {
      const started = Date.now()
      const log = path.join(logsDir, `${platform}-build.log`)
      fs.rmSync(log, { force: true })
      const result = await runCommand(platform, 'npm', ['run', `build:${platform}`], {
        cwd: repoRoot,
        output: { kind: 'file', path: log },
        timeoutMs: 8 * MINUTE,
      })
      return { platform, log, result, seconds: ((Date.now() - started) / 1000).toFixed(1) }
    }),
  )
  const problems: string[] = []
  for (const { platform, log, result, seconds } of builds) {
    if (!result.ok) {
      console.log(
        `${readableTail(result.tail)}\n  ${platform}: ${color.red('build FAILED')} (log: ${log})`,
      )
      problems.push(`${platform} build`)
      continue
    }
    const sizes = packageSizes(fromRoot('dist', platform))
    const listed = sizes.map((size) => `${size.name} ${formatKb(size.bytes)}`).join(', ')
    console.log(`  ${platform}: built in ${seconds} s; ${listed}`)
    for (const size of oversized(sizes)) problems.push(`${platform} ${size.name} over 2 MB`)
    problems.push(...reviewProblems(platform, fromRoot('dist', platform), sizes))
  }
  if (problems.length) throw new StepFailure(problems.join(', '))
}
