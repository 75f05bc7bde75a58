import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { BASE_URL, SCREENS_DIR, browserForTests } from './browser'
import type { Browser } from './browser'
import { seriousAxeViolations, tapTargets } from './measure'

/*
 * The 长辈模式 audit: EVERY page registered in app.config.ts (read from the file, so a new page is
 * audited the day it is added), in both modes at 390×844, measured from the rendered page:
 * body text size, every tappable box, text contrast from computed colours, and axe. In elderly
 * mode the help bar (客服电话, 请家人帮忙) must be on every page. Screenshots: docs/screens/.
 */

function registeredPages(): string[] {
  const source = readFileSync(path.resolve(__dirname, '../miniapp/src/app.config.ts'), 'utf8')
  const quoted = (text: string) => Array.from(text.matchAll(/'([^']+)'/g), (m) => m[1] ?? '')
  const main = quoted(/pages:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '')
  // Subpackage pages too: `{ root: 'pages-legal', pages: ['privacy/index', …] }`.
  const subpackages = Array.from(
    source.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g),
    (m) => quoted(m[2] ?? '').map((page) => `${m[1] ?? ''}/${page}`),
  )
  return [...main, ...subpackages.flat()]
}

/**
 * 'pages/index/index' → 'home' (the name the other suites use), 'pages/orders/detail' →
 * 'orders-detail', 'pages-repairs/report/index' → 'repairs-report', 'pages-usage/usage/index' →
 * 'usage', 'pages-heating/index/index' → 'heating'.
 */
function screenName(route: string): string {
  const [root = '', dir = '', file = ''] = route.split('/')
  if (root === 'pages' && dir === 'index') return 'home'
  const parts = [
    root.replace(/^pages-?/, ''),
    dir === 'index' ? '' : dir,
    file === 'index' ? '' : file,
  ]
  return parts.filter((part, i) => part && part !== parts[i - 1]).join('-')
}

const modes = [
  { mode: 'normal', query: '?elder=0', minText: 12, minMain: 44 },
  { mode: 'elder', query: '?elder=1', minText: 18, minMain: 60 },
] as const

interface Finding {
  text: string
  fontSize: number
  bold: boolean
  ratio: number
}

const TAPPABLE =
  'button, a[href], input, textarea, [role="button"], [role="switch"], [role="link"], ' +
  '[role="checkbox"], [role="radio"], [role="tab"], .weui-tabbar__item'

/** Every visible text with its size and its contrast against the first opaque background. */
function measureText(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number]
    const parse = (c: string): Rgba => {
      const n = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0]
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1]
    }
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3]
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (under[i] ?? 0) * (1 - a)).concat(1) as Rgba
    }
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (v: number) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = []
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor)
        if (c[3] > 0) layers.push(c)
        if (c[3] >= 1) break
      }
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1])
    }
    const out: Finding[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const el = node.parentElement
      if (!text || !el || el.closest('[aria-hidden="true"], svg, style, script, noscript')) continue
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      if (el.getBoundingClientRect().width === 0) continue
      const style = getComputedStyle(el)
      const bg = background(el)
      const fg = over(parse(style.color), bg)
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number]
      out.push({
        text: text.slice(0, 30),
        fontSize: parseFloat(style.fontSize),
        bold: Number(style.fontWeight) >= 700,
        ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
      })
    }
    return out
  })
}

const isLarge = (f: Finding) => f.fontSize >= 24 || (f.fontSize >= 18.66 && f.bold)

async function open(browser: Browser, route: string, query: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`${BASE_URL}/#/${route}${query}`)
  await page.locator('.taro_page_show .page-root').waitFor()
  await page
    .waitForFunction(() => !document.querySelector('.taro_page_show .page-shell--loading'), null, {
      timeout: 10_000,
    })
    .catch(() => undefined) // a page stuck loading is still audited as it looks
  await page.evaluate(() => document.fonts.ready)
  return page
}

const pageRoutes = registeredPages()
beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }))

test('when app.config.ts is read, then its pages are found', () => {
  expect(pageRoutes).toContain('pages/index/index')
  expect(pageRoutes).toContain('pages-legal/privacy/index')
  expect(pageRoutes.length).toBeGreaterThanOrEqual(4)
})

describe.each(modes)('every page in $mode mode', ({ mode, query, minText, minMain }) => {
  const browser = browserForTests()

  test.each(pageRoutes)(
    'when %s opens, then text, targets, contrast and axe pass',
    async (route) => {
      const page = await open(browser, route, query)
      await page.screenshot({ path: path.join(SCREENS_DIR, `${screenName(route)}-${mode}.png`) })

      const text = await measureText(page)
      expect(text.length).toBeGreaterThan(0)
      expect(text.filter((t) => t.fontSize < minText)).toEqual([])
      expect(text.filter((t) => t.ratio < (isLarge(t) ? 3 : 4.5))).toEqual([])

      const targets = await tapTargets(page, TAPPABLE)
      const small = targets.filter(
        (t) =>
          t.width < 44 || t.height < 44 || (t.main && (t.width < minMain || t.height < minMain)),
      )
      expect(small).toEqual([])

      const helpBar = page.locator('.taro_page_show .help-bar')
      if (mode === 'elder') {
        await expect(helpBar.getByRole('button', { name: /客服电话/ }).isVisible()).resolves.toBe(
          true,
        )
        await expect(helpBar.getByText('请家人帮忙').isVisible()).resolves.toBe(true)
      } else {
        await expect(helpBar.count()).resolves.toBe(0)
      }

      expect(await seriousAxeViolations(page)).toEqual([])
      await page.close()
    },
  )
})
