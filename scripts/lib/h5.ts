import fs from 'node:fs'
import { isShuttingDown } from './lifecycle'
import { fail, say } from './log'
import { fromRoot, repoRoot } from './paths'
import { describeExit, runCommand } from './processes'
import { buildState, type BuildState } from './staleness'

export const h5Dir = fromRoot('dist/h5')

/** What the H5 bundle is built from; a change to any of it means a rebuild. */
const h5Sources = ['miniapp/src', 'shared/src', 'config'].map((dir) => fromRoot(dir))

export function h5BuildState(): BuildState {
  return buildState(fromRoot('dist/h5/index.html'), h5Sources, repoRoot)
}

/** `npm run build:h5`, its noisy progress output kept in `logFile`. */
export async function buildH5(logFile: string): Promise<boolean> {
  const started = Date.now()
  fs.rmSync(logFile, { force: true })
  const result = await runCommand('h5', 'npm', ['run', 'build:h5'], {
    cwd: repoRoot,
    output: { kind: 'file', path: logFile },
    timeoutMs: 8 * 60_000,
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  // Stopped by Ctrl-C: not a build failure worth reporting.
  if (isShuttingDown()) return false
  if (result.ok) {
    say(`H5 built in ${seconds} s (log: ${logFile})`)
    return true
  }
  console.error(readableTail(result.tail))
  fail(
    `H5 构建失败 (H5 build failed, ${result.timedOut ? 'timed out' : describeExit(result)} after ${seconds} s; log: ${logFile})`,
  )
  return false
}

// Built from a string: a control character inside a regex literal trips no-control-regex.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g')

/** Taro's progress bar redraws with escape codes; keep only lines a person can read. */
export function readableTail(text: string, lines = 40): string {
  return text
    .split('\n')
    .map((line) => line.replace(ANSI_ESCAPE, '').trimEnd())
    .filter((line) => line.trim() && !line.includes('█'))
    .slice(-lines)
    .join('\n')
}
