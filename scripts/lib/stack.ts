import fs from 'node:fs'
import path from 'node:path'
import { isShuttingDown } from './lifecycle'
import { color, prettyLogLine } from './log'
import { BFF_NODE_FLAGS } from './bff-runtime'
import { fromRoot, repoRoot } from './paths'
import {
  describeExit,
  startProcess,
  type ExitInfo,
  type ManagedProcess,
  type OutputMode,
} from './processes'

/** Core sandbox + BFF as child processes: shared by `npm start` and the e2e step. */

export interface StackOptions {
  host: string
  bffPort: number
  sandboxHost: string
  sandboxPort: number
  redisUrl: string
  databaseUrl: string
  sandboxDataDir: string
  h5Dir: string
  nodeEnv: string
  logLevel: string
  /** 'console' prefixes each line; a directory gets sandbox.log and bff.log. */
  output: 'console' | { dir: string }
  readyTimeoutMs: number
  /** Entry files, relative to the repo root; tests swap in fakes. */
  entries?: Partial<Record<Name, string>>
  /** More settings for both children (e2e: the operator token). */
  env?: Record<string, string>
}

export interface Stack {
  bffUrl: string
  sandboxUrl: string
  /** Resolves when a child exits although nobody asked it to. */
  unexpectedExit: Promise<{ name: string; info: ExitInfo }>
  stop(): Promise<void>
}

const defaultEntries = { sandbox: 'bff/sandbox/main.ts', bff: 'bff/src/main.ts' } as const
type Name = keyof typeof defaultEntries

export async function waitForHttp(
  url: string,
  proc: ManagedProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (!proc.running()) {
      const info = await proc.finished()
      throw new Error(
        `${proc.name} exited (${describeExit(info)}) before it was ready:\n${proc.tail()}`,
      )
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.arrayBuffer()
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(
    `${proc.name} was not ready at ${url} within ${timeoutMs / 1000} s (last: ${last}):\n${proc.tail()}`,
  )
}

function outputFor(name: Name, options: StackOptions): OutputMode {
  if (options.output === 'console') {
    const prefix = name === 'bff' ? color.green('[bff]    ') : color.cyan('[sandbox]')
    return { kind: 'prefix', prefix, format: prettyLogLine }
  }
  fs.mkdirSync(options.output.dir, { recursive: true })
  return { kind: 'file', path: path.join(options.output.dir, `${name}.log`) }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const sandboxUrl = `http://${options.sandboxHost}:${options.sandboxPort}`
  const bffUrl = `http://${options.host}:${options.bffPort}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: options.nodeEnv,
    LOG_LEVEL: options.logLevel,
    SANDBOX_HOST: options.sandboxHost,
    SANDBOX_PORT: String(options.sandboxPort),
    SANDBOX_DATA_DIR: options.sandboxDataDir,
    HOST: options.host,
    PORT: String(options.bffPort),
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    UPSTREAM_BASE_URL: sandboxUrl,
    H5_DIR: options.h5Dir,
    // tsx reads tsconfig.json from the working directory only; the repo root has none, and
    // without bff's experimentalDecorators esbuild emits TC39 decorators TypeORM cannot use.
    TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? fromRoot('bff/tsconfig.json'),
    ...options.env,
  }
  const procs: ManagedProcess[] = []
  let stopping = false
  let reportExit: (exit: { name: string; info: ExitInfo }) => void = () => undefined
  const unexpectedExit = new Promise<{ name: string; info: ExitInfo }>((resolve) => {
    reportExit = resolve
  })
  const stop = async () => {
    stopping = true
    // Newest first: the BFF stops before the sandbox it calls.
    for (const proc of [...procs].reverse()) await proc.stop()
  }
  const launch = (name: Name) => {
    const entry = options.entries?.[name] ?? defaultEntries[name]
    if (!fs.existsSync(fromRoot(entry))) {
      throw new Error(`${entry} does not exist (yet): cannot start the ${name}`)
    }
    const flags = name === 'bff' ? BFF_NODE_FLAGS : []
    const proc = startProcess(name, process.execPath, [...flags, '--import', 'tsx', entry], {
      cwd: repoRoot,
      env,
      output: outputFor(name, options),
    })
    procs.push(proc)
    void proc.exited.then((info) => {
      if (!stopping && !isShuttingDown()) reportExit({ name, info })
    })
    return proc
  }

  try {
    await waitForHttp(`${sandboxUrl}/healthz`, launch('sandbox'), options.readyTimeoutMs)
    await waitForHttp(`${bffUrl}/readyz`, launch('bff'), options.readyTimeoutMs)
  } catch (error) {
    await stop()
    throw error
  }
  return { bffUrl, sandboxUrl, unexpectedExit, stop }
}
