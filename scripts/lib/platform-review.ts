import fs from 'node:fs'
import path from 'node:path'
import { formatKb, type PackageSize } from './mp-size'

/**
 * The main package both platforms download before the first page shows. Subpackages (charts,
 * rarely used flows) keep it small; 2 MB is the platforms' hard limit, this is ours.
 */
export const MAIN_PACKAGE_BUDGET_BYTES = 1024 * 1024

function readJson(file: string): Record<string, unknown> | null {
  if (!fs.existsSync(file)) return null
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null
}

/** What WeChat's or Alipay's review would reject or flag in a built mini-program. */
export function reviewProblems(platform: string, distDir: string, sizes: PackageSize[]): string[] {
  const problems: string[] = []
  const main = sizes.find((size) => size.name === 'main')
  if (main && main.bytes > MAIN_PACKAGE_BUDGET_BYTES) {
    problems.push(`${platform} main package ${formatKb(main.bytes)} is over the 1 MB budget`)
  }
  if (platform === 'weapp') {
    const app = readJson(path.join(distDir, 'app.json')) ?? {}
    if (app.lazyCodeLoading !== 'requiredComponents') {
      problems.push('weapp app.json has no lazyCodeLoading: "requiredComponents"')
    }
    const sitemap = typeof app.sitemapLocation === 'string' ? app.sitemapLocation : ''
    if (!sitemap || !fs.existsSync(path.join(distDir, sitemap))) {
      problems.push('weapp app.json names no sitemap.json that exists in the build')
    }
    const privateInfos = Array.isArray(app.requiredPrivateInfos) ? app.requiredPrivateInfos : []
    if (privateInfos.includes('getLocation')) {
      problems.push('weapp declares getLocation where getFuzzyLocation is enough')
    }
  }
  if (platform === 'alipay' && !readJson(path.join(distDir, 'mini.project.json'))) {
    problems.push('alipay build has no mini.project.json (from project.alipay.json)')
  }
  return problems
}
