import path from 'node:path'

/** Repo root, so the scripts work whatever the caller's working directory. */
export const repoRoot = path.resolve(__dirname, '../..')

export function fromRoot(...parts: string[]): string {
  return path.resolve(repoRoot, ...parts)
}

/** A repo binary (eslint, jest, tsc…) installed by npm into the root node_modules. */
export function bin(name: string): string {
  return fromRoot('node_modules', '.bin', name)
}
