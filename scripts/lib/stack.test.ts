import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFreePort, isPortFree } from './ports'
import { startStack, type Stack, type StackOptions } from './stack'

/** Fake sandbox and BFF children: real processes speaking the same readiness contract. */
const fakeSandbox = `
import http from 'node:http'
http.createServer((req, res) => res.end(req.url))
  .listen(Number(process.env.SANDBOX_PORT), process.env.SANDBOX_HOST)
`
/** `afterReady` runs once the BFF has answered its first /readyz. */
const fakeBff = (afterReady: string) => `
import http from 'node:http'
const env = process.env
http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ url: req.url, UPSTREAM_BASE_URL: env.UPSTREAM_BASE_URL,
    REDIS_URL: env.REDIS_URL, DATABASE_URL: env.DATABASE_URL, H5_DIR: env.H5_DIR }))
  if (req.url === '/readyz') { ${afterReady} }
}).listen(Number(env.PORT), env.HOST)
`

describe('startStack', () => {
  let dir: string
  let options: StackOptions
  // Stopped in afterEach so a failed assertion cannot leave children (and Jest) running.
  let stack: Stack | undefined

  const entry = (name: string, source: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, source)
    return file
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-test-'))
    const bffPort = await findFreePort()
    let sandboxPort = await findFreePort()
    while (sandboxPort === bffPort) sandboxPort = await findFreePort()
    options = {
      host: '127.0.0.1',
      bffPort,
      sandboxHost: '127.0.0.1',
      sandboxPort,
      redisUrl: 'redis://127.0.0.1:1',
      databaseUrl: `sqlite:${dir}/bff.sqlite`,
      sandboxDataDir: dir,
      h5Dir: '/srv/h5',
      nodeEnv: 'test',
      logLevel: 'info',
      output: { dir },
      readyTimeoutMs: 20000,
      entries: { sandbox: entry('sandbox.mjs', fakeSandbox), bff: entry('bff.mjs', fakeBff('')) },
    }
  })
  afterEach(async () => {
    await stack?.stop()
    stack = undefined
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('when both children become ready, then the BFF is wired to the sandbox and stop frees the ports', async () => {
    stack = await startStack(options)
    const seen = (await (await fetch(`${stack.bffUrl}/readyz`)).json()) as Record<string, string>
    expect(seen).toEqual({
      url: '/readyz',
      UPSTREAM_BASE_URL: stack.sandboxUrl,
      REDIS_URL: 'redis://127.0.0.1:1',
      DATABASE_URL: `sqlite:${dir}/bff.sqlite`,
      H5_DIR: '/srv/h5',
    })
    await stack.stop()
    await expect(isPortFree(options.bffPort)).resolves.toBe(true)
    await expect(isPortFree(options.sandboxPort)).resolves.toBe(true)
  }, 30000)

  it('when the BFF dies after it was ready, then the stack reports it by name', async () => {
    options.entries = {
      ...options.entries,
      bff: entry('dies.mjs', fakeBff('setTimeout(() => process.exit(3), 200)')),
    }
    stack = await startStack(options)
    await expect(stack.unexpectedExit).resolves.toEqual({
      name: 'bff',
      info: { code: 3, signal: null },
    })
  }, 30000)

  it('when the BFF fails at start, then starting fails with its output and the sandbox is stopped', async () => {
    options.entries = {
      ...options.entries,
      bff: entry('broken.mjs', 'console.error("no config"); process.exit(2)'),
    }
    await expect(startStack(options)).rejects.toThrow(
      /bff exited \(exit code 2\) before it was ready:\nno config/,
    )
    await expect(isPortFree(options.sandboxPort)).resolves.toBe(true)
  }, 30000)

  it('when an entry file does not exist, then starting fails naming it', async () => {
    options.entries = { ...options.entries, sandbox: path.join(dir, 'nope.ts') }
    await expect(startStack(options)).rejects.toThrow(/nope\.ts does not exist/)
  })
})
