import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { reviewProblems } from './platform-review'

function build(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'))
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(content))
  }
  return dir
}

const small = [{ name: 'main', bytes: 600 * 1024 }]
const reviewedApp = {
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
  requiredPrivateInfos: ['getFuzzyLocation'],
}

describe('mini-program platform review checks', () => {
  it('when a weapp build has lazy loading, a sitemap and fuzzy location, then it passes', () => {
    const dir = build({ 'app.json': reviewedApp, 'sitemap.json': { rules: [] } })
    expect(reviewProblems('weapp', dir, small)).toEqual([])
  })

  it('when a weapp build lacks them, then each is named', () => {
    const dir = build({ 'app.json': { requiredPrivateInfos: ['getLocation'] } })
    const problems = reviewProblems('weapp', dir, [{ name: 'main', bytes: 1.5 * 1024 * 1024 }])
    expect(problems).toEqual([
      expect.stringContaining('over the 1 MB budget'),
      expect.stringContaining('lazyCodeLoading'),
      expect.stringContaining('sitemap.json'),
      expect.stringContaining('getFuzzyLocation'),
    ])
  })

  it('when an alipay build has no mini.project.json, then it is named', () => {
    expect(reviewProblems('alipay', build({}), small)).toEqual([
      expect.stringContaining('mini.project.json'),
    ])
    expect(reviewProblems('alipay', build({ 'mini.project.json': { format: 2 } }), small)).toEqual(
      [],
    )
  })
})
