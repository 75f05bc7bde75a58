import { buildH5, h5BuildState, h5Dir } from './lib/h5'
import { onExitKill, onShutdown, setSignalExitCode, shutdown } from './lib/lifecycle'
import { acquirePidLock, isPidRunning } from './lib/lock'
import { color, fail, say } from './lib/log'
import { fromRoot } from './lib/paths'
import { describeExit } from './lib/processes'
import { ensureRedis, isPortFree } from './lib/services'
import { startStack } from './lib/stack'

/*
 * `npm start`: the whole product on one machine with no outside system — Redis, the H5
 * build, the core sandbox and the BFF serving the app. One instance per checkout.
 */

const env = process.env
const host = env.HOST ?? '127.0.0.1'
const port = Number(env.PORT ?? 3000)
const sandboxHost = env.SANDBOX_HOST ?? '127.0.0.1'
const sandboxPort = Number(env.SANDBOX_PORT ?? 4100)
const appUrl = `http://${host}:${port}`
const readyTimeoutMs = Number(env.START_READY_TIMEOUT_MS ?? 120000)

function takeLock(): void {
  const lock = acquirePidLock(fromRoot('.data/start.lock'), (pid) =>
    isPidRunning(pid, 'scripts/start'),
  )
  if (!lock.ok) {
    fail(`已有一个实例在运行 (pid ${lock.pid}): open ${appUrl} or stop it with Ctrl-C`)
    process.exit(1)
  }
  // Registered first, so it runs after every child has stopped.
  onShutdown(lock.release)
  onExitKill(lock.release)
}

async function checkPorts(): Promise<void> {
  const wanted = [
    { what: 'BFF', host, port, variable: 'PORT' },
    { what: 'core sandbox', host: sandboxHost, port: sandboxPort, variable: 'SANDBOX_PORT' },
  ]
  for (const item of wanted) {
    if (!(await isPortFree(item.port, item.host))) {
      fail(
        `端口 ${item.port} 已被占用 (port ${item.port} on ${item.host}, needed by the ${item.what}, ` +
          `is in use): stop the program using it (see \`ss -ltnp 'sport = :${item.port}'\`) ` +
          `or set ${item.variable}=<another port>`,
      )
      await shutdown(1)
    }
  }
}

async function ensureH5(): Promise<void> {
  const state = h5BuildState()
  if (!state.stale) {
    say('H5 build is up to date (dist/h5)')
    return
  }
  say(`构建 H5… (${state.reason}; takes 10-60 s)`)
  if (!(await buildH5(fromRoot('.data/h5-build.log')))) await shutdown(1)
}

function printUrls(seconds: number): void {
  const sandboxUrl = `http://${sandboxHost}:${sandboxPort}`
  const rows: [string, string][] = [
    ['H5 app', `${appUrl}/`],
    ['API', `${appUrl}/api/v1`],
    ['OpenAPI', `${appUrl}/api/v1/openapi.json`],
    ['Sandbox accounts', `${sandboxUrl}/sandbox/accounts`],
    ['Readiness', `${appUrl}/readyz`],
  ]
  console.log(`\n${color.green('✓')} 已启动 (ready in ${seconds.toFixed(1)} s)`)
  for (const [label, url] of rows) console.log(`  ${label.padEnd(17)} ${color.bold(url)}`)
  console.log('  Ctrl-C 停止 (stops everything)\n')
}

async function main(): Promise<void> {
  const started = Date.now()
  setSignalExitCode(() => 0)
  say('npm start: H5 app + BFF + core sandbox (Ctrl-C stops everything)')
  takeLock()
  await checkPorts()
  const redis = await ensureRedis({ dataDir: fromRoot('.data/redis') })
  await ensureH5()
  say(`starting core sandbox on ${sandboxHost}:${sandboxPort}, then BFF on ${host}:${port}…`)
  const stack = await startStack({
    host,
    bffPort: port,
    sandboxHost,
    sandboxPort,
    redisUrl: redis.url,
    databaseUrl: env.DATABASE_URL ?? 'sqlite:.data/bff.sqlite',
    sandboxDataDir: env.SANDBOX_DATA_DIR ?? fromRoot('.data/sandbox'),
    h5Dir: env.H5_DIR ?? h5Dir,
    nodeEnv: env.NODE_ENV ?? 'development',
    logLevel: env.LOG_LEVEL ?? 'info',
    output: 'console',
    readyTimeoutMs,
  })
  printUrls((Date.now() - started) / 1000)
  const exit = await stack.unexpectedExit
  fail(`${exit.name} stopped unexpectedly (${describeExit(exit.info)}): stopping everything`)
  await shutdown(1)
}

main().catch(async (error: unknown) => {
  fail(error instanceof Error ? error.message : String(error))
  await shutdown(1)
})
