import fs from 'node:fs'
import path from 'node:path'

/** Both platforms refuse a main package or a subpackage over 2 MB. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024

export interface PackageSize {
  name: string
  bytes: number
}

function sizeOf(entry: string): number {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.size
  return fs.readdirSync(entry).reduce((sum, child) => sum + sizeOf(path.join(entry, child)), 0)
}

function subpackageRoots(appJson: unknown): string[] {
  if (typeof appJson !== 'object' || appJson === null) return []
  const record = appJson as Record<string, unknown>
  const list = record.subPackages ?? record.subpackages
  if (!Array.isArray(list)) return []
  return list
    .map((item: unknown) =>
      typeof item === 'object' && item !== null && 'root' in item ? String(item.root) : '',
    )
    .filter(Boolean)
    .map((root) => root.replace(/\/+$/, ''))
}

/** The main package and each subpackage of a built mini-program, from its app.json. */
export function packageSizes(distDir: string): PackageSize[] {
  const appJson: unknown = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'))
  const roots = subpackageRoots(appJson)
  const subs = roots.map((root) => {
    const dir = path.join(distDir, root)
    return { name: root, bytes: fs.existsSync(dir) ? sizeOf(dir) : 0 }
  })
  const total = sizeOf(distDir)
  const main = total - subs.reduce((sum, sub) => sum + sub.bytes, 0)
  return [{ name: 'main', bytes: main }, ...subs]
}

export function oversized(sizes: readonly PackageSize[]): PackageSize[] {
  return sizes.filter((size) => size.bytes > PACKAGE_LIMIT_BYTES)
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`
}
