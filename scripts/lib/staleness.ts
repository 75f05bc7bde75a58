import fs from 'node:fs'
import path from 'node:path'

export interface Newest {
  file: string
  mtimeMs: number
}

/** Tests are not part of a build: editing one must not trigger a rebuild. */
export function isTestFile(file: string): boolean {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /[\\/]__(tests|mocks)__[\\/]/.test(file)
}

/** The most recently modified non-test file under `roots` (missing roots are ignored). */
export function newestFile(roots: readonly string[]): Newest | undefined {
  let newest: Newest | undefined
  const visit = (entry: string) => {
    let stat: fs.Stats
    try {
      stat = fs.statSync(entry)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      if (path.basename(entry) === 'node_modules') return
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    } else if (!isTestFile(entry) && (!newest || stat.mtimeMs > newest.mtimeMs)) {
      newest = { file: entry, mtimeMs: stat.mtimeMs }
    }
  }
  roots.forEach(visit)
  return newest
}

export type BuildState = { stale: false } | { stale: true; reason: string }

/** Whether a build output must be rebuilt: missing, or older than any of its sources. */
export function buildState(output: string, sources: readonly string[], root: string): BuildState {
  let builtAt: number
  try {
    builtAt = fs.statSync(output).mtimeMs
  } catch {
    return { stale: true, reason: `${path.relative(root, output)} is missing` }
  }
  const newest = newestFile(sources)
  if (newest && newest.mtimeMs > builtAt) {
    return {
      stale: true,
      reason: `${path.relative(root, newest.file)} changed since the last build`,
    }
  }
  return { stale: false }
}
