import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { BASE_URL, SCREENS_DIR, openBrowser, browserForTests } from './browser'
import type { Browser } from './browser'
import { seriousAxeViolations, tapTargets, visibleText } from './measure'

/*
 * What a resident sees in the H5 build, in both modes (DESIGN.md, elderly-mode numbers):
 * elderly mode text >= 18 px with a >= 30 px title, main controls >= 60 px, other targets
 * >= 44 px, and no serious or critical axe violations. Screenshots go to docs/screens/.
 */
const modes = [
  { mode: 'normal', query: '', minText: 12, minTarget: 44, minMain: 44, minLargest: 20 },
  { mode: 'elder', query: '?elder=1', minText: 18, minTarget: 44, minMain: 60, minLargest: 30 },
] as const

const screens = [
  { name: 'home', route: '/pages/index/index' },
  { name: 'bills', route: '/pages/bills/index' },
  { name: 'me', route: '/pages/me/index' },
  { name: 'login', route: '/pages/login/index' },
]

beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }))

async function open(browser: Browser, route: string, query: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`${BASE_URL}/#${route}${query}`)
  await page.locator('.taro_page_show .page-root').waitFor()
  // The page shell replaces its loading state once the first request settles.
  await page.waitForFunction(() => !document.querySelector('.taro_page_show .page-shell--loading'))
  return page
}

async function screenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${file}.png`) })
}

describe.each(modes)('H5 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()

  test('when the home page opens, then the tab bar shows 首页 账单 报修 我的', async () => {
    const page = await open(browser, '/pages/index/index', query)
    const labels = await page.locator('.weui-tabbar__label').allInnerTexts()
    expect(labels).toEqual(['首页', '账单', '报修', '我的'])
    await expect(page.locator('html').getAttribute('class')).resolves.toBe(
      mode === 'elder' ? 'elder' : null,
    )
    await page.close()
  })

  test.each(screens)(
    'when $name opens, then text, targets and axe pass',
    async ({ name, route }) => {
      const page = await open(browser, route, query)
      await screenshot(page, `${name}-${mode}`)

      const text = await visibleText(page)
      expect(text.length).toBeGreaterThan(3)
      expect(text.filter((t) => t.fontSize < min.minText)).toEqual([])
      expect(Math.max(...text.map((t) => t.fontSize))).toBeGreaterThanOrEqual(min.minLargest)

      const targets = await tapTargets(page)
      expect(targets.length).toBeGreaterThan(0)
      const tooSmall = targets.filter(
        (t) => t.width < min.minTarget || t.height < (t.main ? min.minMain : min.minTarget),
      )
      expect(tooSmall).toEqual([])

      expect(await seriousAxeViolations(page)).toEqual([])
      await page.close()
    },
  )
})

test('when elder mode was switched on by a link, then it is remembered on the next visit', async () => {
  const browser = await openBrowser()
  const first = await open(browser, '/pages/index/index', '?elder=1')
  await first.close()
  const page = await open(browser, '/pages/me/index', '')
  await expect(page.locator('.taro_page_show .page-root').getAttribute('class')).resolves.toContain(
    'elder',
  )
  await expect(
    page.getByRole('switch', { name: /长辈模式/ }).getAttribute('aria-checked'),
  ).resolves.toBe('true')
  await browser.close()
})

describe('the service phone on the home page', () => {
  const browser = browserForTests()

  test('when app-info answers, then the phone and a 拨打客服电话 button show', async () => {
    const page = await browser.context.newPage()
    await page.route('**/api/v1/app-info', (route) =>
      route.fulfill({
        json: {
          serviceName: '燃气·供热 掌上营业厅',
          servicePhone: '0531-96777',
          serverTime: '2026-11-26T09:00:00+08:00',
          orderNoticeTemplateId: null,
          legal: {
            utilityName: '某市燃气热力有限公司',
            address: '某市民生路 1 号',
            privacyEmail: 'privacy@gas.example.cn',
            policyVersion: '2026-12-06',
          },
        },
      }),
    )
    await page.goto(`${BASE_URL}/#/pages/index/index?elder=1`)
    await page.getByText('0531-96777').waitFor()
    const call = page.getByRole('button', { name: '拨打客服电话 0531-96777' })
    await call.scrollIntoViewIfNeeded()
    await screenshot(page, 'home-elder-service-phone')
    const box = await call.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(60)
    await page.close()
  })

  test('when app-info fails with an envelope, then its message, 重试 and the request id show', async () => {
    const page = await browser.context.newPage()
    let calls = 0
    await page.route('**/api/v1/app-info', (route) => {
      calls += 1
      return route.fulfill({
        status: 503,
        json: {
          error: { code: 'UPSTREAM_UNAVAILABLE', message: '系统维护中', requestId: 'req-42' },
        },
      })
    })
    await page.goto(`${BASE_URL}/#/pages/index/index`)
    await page.getByText('系统维护中').waitFor()
    await expect(page.getByText(/req-42/).isVisible()).resolves.toBe(true)
    await Promise.all([
      page.waitForResponse('**/api/v1/app-info'),
      page.getByRole('button', { name: /重试/ }).click(),
    ])
    expect(calls).toBe(2)
    await page.close()
  })
})
