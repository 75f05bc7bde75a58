import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Queue } from 'bullmq'
import { Client } from 'pg'
import { MIGRATION_LOCK_KEY } from '../src/platform/db/data-source'
import { freshPostgres, redisUrl } from './harness'

/*
 * The compiled BFF as the image runs it: plain `node`, NODE_ENV=production, one role per
 * process, against a real PostgreSQL and Redis.
 */

const repoRoot = path.resolve(__dirname, '../..')
let workDir: string
let mainJs: string
let databaseUrl: string
/** A Redis database of its own, so the production queue names meet no other test's workers. */
let redis: string

/** Every setting production requires, with values that are only well-formed. */
function productionEnv(port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis,
    UPSTREAM_BASE_URL: 'http://127.0.0.1:9',
    UPSTREAM_TIMEOUT_MS: '300',
    SESSION_SECRET: 'production-test-session-secret-0000000',
    METRICS_TOKEN: 'production-test-metrics-token-000',
    UTILITY_NAME: '示例市燃气热力有限公司',
    PRIVACY_CONTACT_EMAIL: 'privacy@example.com',
    WECHAT_APP_ID: 'wx0000000000000000',
    WECHAT_APP_SECRET: 'dummy-wechat-secret',
    ALIPAY_APP_ID: '2021000000000000',
    ALIPAY_APP_PRIVATE_KEY: 'dummy-alipay-private-key',
    ALIPAY_PUBLIC_KEY: 'dummy-alipay-public-key',
    WECHATPAY_MCHID: '1900000000',
    WECHATPAY_MERCHANT_SERIAL: 'DUMMYSERIAL',
    WECHATPAY_MERCHANT_PRIVATE_KEY: 'dummy-merchant-private-key',
    WECHATPAY_API_V3_KEY: '0123456789abcdef0123456789abcdef',
    WECHATPAY_PUBLIC_KEY: 'dummy-wechatpay-public-key',
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0000000000000000',
    STORAGE_DRIVER: 's3',
    STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9',
    STORAGE_S3_BUCKET: 'photos',
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function startRole(role: string, port = 0): Running {
  const child = spawn(process.execPath, [mainJs, role], {
    cwd: workDir,
    env: productionEnv(port),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function waitForHttp(url: string, running: Running, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (running.child.exitCode !== null) {
      throw new Error(`exited with ${running.child.exitCode}:\n${running.output()}`)
    }
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} never answered:\n${running.output()}`)
}

/** BullMQ workers listening on the payment settlement queue, in whichever process. */
async function settleWorkers(): Promise<number> {
  const url = new URL(redis)
  const queue = new Queue('pay-settle', {
    prefix: '{gh}',
    connection: { host: url.hostname, port: Number(url.port), db: Number(url.pathname.slice(1)) },
  })
  try {
    return (await queue.getWorkers()).length
  } finally {
    await queue.close()
  }
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-build-'))
  // The bundle finds its dependencies as the image's does: in a node_modules above it.
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(workDir, 'node_modules'))
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-bff.ts', '--outdir', path.join(workDir, 'bff')],
    { cwd: repoRoot, stdio: 'pipe' },
  )
  mainJs = path.join(workDir, 'bff', 'main.js')
  databaseUrl = await freshPostgres()
  const url = new URL(redisUrl())
  url.pathname = `/${8 + Math.floor(Math.random() * 8)}`
  redis = url.toString()
}, 60_000)

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('the compiled BFF in production', () => {
  test('when web starts on a database nobody has migrated, then it refuses to start and says so', async () => {
    const web = startRole('web', await freePort())
    expect(await web.exited).toBe(1)
    expect(web.output()).toContain('pending migrations')
  }, 20_000)

  test('when another instance holds the migration lock, then migrate waits for it, and two at once both exit 0', async () => {
    const holder = new Client({ connectionString: databaseUrl })
    await holder.connect()
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY])
    const waiting = startRole('migrate')
    // It has reached the lock and waits on it (PostgreSQL shows the request not granted), rather
    // than merely not having finished starting up yet on a busy machine.
    for (let waited = 0; ; waited += 100) {
      const { rows } = await holder.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      )
      if (Number(rows[0]?.n) > 0) break
      if (waited > 20_000) throw new Error('migrate never asked for the migration lock')
      expect(waiting.child.exitCode).toBeNull()
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(waiting.child.exitCode).toBeNull()
    await holder.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY])
    await holder.end()
    expect(await waiting.exited).toBe(0)

    const [first, second] = [startRole('migrate'), startRole('migrate')]
    expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0])
    expect(first.output()).toContain('database schema is up to date')
  }, 30_000)

  test('when web runs with every upstream down, then /healthz and /readyz answer 200 and no job worker runs', async () => {
    const port = await freePort()
    const web = startRole('web', port)
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, web)
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      expect(ready.status).toBe(200)
      // Ready with every upstream down: readiness asks only what this instance needs.
      const body = (await ready.json()) as { status: string; checks: Record<string, unknown> }
      expect(body).toMatchObject({
        status: 'ready',
        checks: { database: { ok: true }, redis: { ok: true } },
      })
      expect(Object.keys(body.checks).sort()).toEqual(['database', 'redis'])
      expect(await settleWorkers()).toBe(0)
    } finally {
      web.child.kill('SIGTERM')
    }
    expect(await web.exited).toBe(0)
  }, 30_000)

  test('when worker runs, then it takes jobs, serves only its probes, and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const worker = startRole('worker', port)
    try {
      await waitForHttp(`http://127.0.0.1:${port}/readyz`, worker)
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/app-info`)).status).toBe(404)
      expect(await settleWorkers()).toBeGreaterThan(0)
    } finally {
      worker.child.kill('SIGTERM')
    }
    expect(await worker.exited).toBe(0)
    expect(worker.output()).toContain('"msg":"stopped"')
    expect(await settleWorkers()).toBe(0)
  }, 30_000)
})
