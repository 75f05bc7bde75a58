import fs from 'node:fs'
import path from 'node:path'

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** Like `command -v`: the first executable `name` on `searchPath`, then in `extraDirs`. */
export function findExecutable(
  name: string,
  searchPath = process.env.PATH ?? '',
  extraDirs: readonly string[] = [],
): string | undefined {
  const dirs = [...searchPath.split(path.delimiter), ...extraDirs].filter(Boolean)
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable)
}

/**
 * The newest PostgreSQL server bin directory (Debian keeps one per major version under
 * /usr/lib/postgresql/<major>/bin). The client package alone ships psql there but no initdb,
 * so initdb is what proves the server is installed.
 */
export function findPostgresBin(root = '/usr/lib/postgresql'): string | undefined {
  let versions: string[]
  try {
    versions = fs.readdirSync(root)
  } catch {
    return undefined
  }
  return versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'))
    .find((dir) => isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl')))
}
