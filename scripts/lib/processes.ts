import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { eachLine } from './log'
import { onExitKill, onShutdown } from './lifecycle'

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
}

export type OutputMode =
  | { kind: 'inherit' }
  | { kind: 'prefix'; prefix: string; format?: (line: string) => string }
  | { kind: 'file'; path: string }
  | { kind: 'capture' }

export interface StartOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  output: OutputMode
  /** How long SIGTERM gets before SIGKILL. */
  graceMs?: number
}

export interface ManagedProcess {
  readonly name: string
  readonly exited: Promise<ExitInfo>
  /** Exit plus the end of its output (at most 2 s later). */
  finished(): Promise<ExitInfo>
  running(): boolean
  /** SIGTERM to the child's process group, SIGKILL after the grace period; idempotent. */
  stop(): Promise<ExitInfo>
  /** The last lines the child printed (not kept for inherited output). */
  tail(lines?: number): string
}

const TAIL_LINES = 200

export function describeExit(info: ExitInfo): string {
  return info.signal ? `killed by ${info.signal}` : `exit code ${info.code}`
}

/**
 * Starts a child in its own process group (`detached`), so a terminal Ctrl-C reaches only
 * this script, which then stops children in order; killing the group also ends grandchildren
 * (npm → sh → taro → webpack workers).
 */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: StartOptions,
): ManagedProcess {
  const { output } = options
  const graceMs = options.graceMs ?? 5000
  const recent: string[] = []
  const remember = (line: string) => {
    recent.push(line)
    if (recent.length > TAIL_LINES) recent.shift()
  }
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: [
      'ignore',
      output.kind === 'inherit' ? 'inherit' : 'pipe',
      output.kind === 'inherit' ? 'inherit' : 'pipe',
    ],
  })
  const file =
    output.kind === 'file' ? fs.createWriteStream(output.path, { flags: 'a' }) : undefined
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    eachLine(stream, (line) => {
      remember(line)
      if (output.kind === 'prefix') {
        console.log(`${output.prefix} ${output.format ? output.format(line) : line}`)
      }
      file?.write(`${line}\n`)
    })
  }

  let alive = true
  const signalGroup = (signal: NodeJS.Signals) => {
    if (!alive || child.pid === undefined) return
    try {
      process.kill(-child.pid, signal)
    } catch {
      try {
        child.kill(signal)
      } catch {
        // Already gone.
      }
    }
  }
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      remember(`${name}: ${error.message}`)
      alive = false
      resolve({ code: 127, signal: null })
    })
    child.once('exit', (code, signal) => {
      alive = false
      resolve({ code, signal })
    })
  })

  let stopping: Promise<ExitInfo> | undefined
  const stop = () => {
    stopping ??= (async () => {
      signalGroup('SIGTERM')
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs)
      const info = await exited
      clearTimeout(timer)
      return info
    })()
    return stopping
  }
  const forgetKill = onExitKill(() => signalGroup('SIGKILL'))
  const forgetHook = onShutdown(stop)
  void exited.then(() => {
    forgetKill()
    forgetHook()
  })
  // 'close' comes after the last output line; a grandchild holding the pipe may delay it.
  const drained = new Promise<void>((resolve) => {
    child.once('close', () => resolve())
    child.once('error', () => resolve())
  }).then(() => file?.end())

  return {
    name,
    exited,
    finished: async () => {
      const info = await exited
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
      return info
    },
    running: () => alive,
    stop,
    tail: (lines = 40) => recent.slice(-lines).join('\n'),
  }
}

/**
 * Runs a command to completion; the caller decides what a non-zero exit means. With
 * `timeoutMs` a hung command (a test run kept alive by an open handle) is stopped.
 */
export async function runCommand(
  name: string,
  command: string,
  args: readonly string[],
  options: StartOptions & { timeoutMs?: number },
): Promise<ExitInfo & { ok: boolean; tail: string; timedOut: boolean }> {
  const proc = startProcess(name, command, args, options)
  let timedOut = false
  const { timeoutMs } = options
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true
          console.error(`${name} still running after ${timeoutMs / 1000} s: stopping it`)
          void proc.stop()
        }, timeoutMs)
  const info = await proc.finished()
  clearTimeout(timer)
  return { ...info, ok: info.code === 0 && !timedOut, tail: proc.tail(TAIL_LINES), timedOut }
}
