import os from 'node:os'

/*
 * One place owns process shutdown so every child (Redis, PostgreSQL, the BFF…) dies with
 * the script: on Ctrl-C/SIGTERM the graceful hooks run newest-first (BFF before the Redis it
 * uses), and on any exit the synchronous kills run as a last resort. Node's default SIGINT
 * handling would skip the 'exit' event and leave orphans holding ports.
 */

type Hook = () => Promise<unknown> | unknown

const hooks = new Map<number, Hook>()
const exitKills = new Map<number, () => void>()
let nextId = 0
let installed = false
let shuttingDown: Promise<never> | undefined
let exitCodeFor = (signal: NodeJS.Signals): number => 128 + (os.constants.signals[signal] ?? 1)

/** Registers a graceful stop; returns a function that unregisters it. */
export function onShutdown(hook: Hook): () => void {
  const id = nextId++
  hooks.set(id, hook)
  ensureSignalHandlers()
  return () => hooks.delete(id)
}

/** Registers a synchronous kill run when the process exits for any reason. */
export function onExitKill(kill: () => void): () => void {
  const id = nextId++
  exitKills.set(id, kill)
  ensureSignalHandlers()
  return () => exitKills.delete(id)
}

/** `npm start` exits 0 after Ctrl-C; other scripts keep the conventional 128 + signal. */
export function setSignalExitCode(fn: (signal: NodeJS.Signals) => number): void {
  exitCodeFor = fn
}

export function isShuttingDown(): boolean {
  return shuttingDown !== undefined
}

async function runHooks(): Promise<void> {
  const ordered = [...hooks.entries()].reverse()
  hooks.clear()
  for (const [, hook] of ordered) {
    try {
      await hook()
    } catch (error) {
      console.error(`shutdown step failed: ${error instanceof Error ? error.message : error}`)
    }
  }
}

/** Runs every graceful hook once, then exits with `code`. */
export function shutdown(code: number): Promise<never> {
  shuttingDown ??= runHooks().then(() => process.exit(code))
  return shuttingDown
}

function onSignal(signal: NodeJS.Signals): void {
  if (shuttingDown) {
    console.error(`\n${signal} again: killing everything now`)
    process.exit(exitCodeFor(signal))
  }
  console.log(`\n收到 ${signal}，正在停止… (stopping every child, please wait)`)
  void shutdown(exitCodeFor(signal))
}

export function ensureSignalHandlers(): void {
  if (installed) return
  installed = true
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  process.on('SIGHUP', onSignal)
  process.on('exit', () => {
    for (const kill of exitKills.values()) {
      try {
        kill()
      } catch {
        // Best effort: the process is already going away.
      }
    }
  })
}
