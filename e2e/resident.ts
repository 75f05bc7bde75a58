import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { tapTargets, visibleText } from './measure'

/* What the journey tests (login, bind, top up) share: the visible page, forms, the checks. */

export const SANDBOX_URL = (process.env.SANDBOX_URL ?? 'http://127.0.0.1:4100').replace(/\/$/, '')

/** Both modes a journey runs in, with the minimum text and main-control sizes of each. */
export const modes = [
  { mode: 'normal', query: '', minText: 12, minMain: 44 },
  { mode: 'elder', query: '?elder=1', minText: 18, minMain: 60 },
] as const

/** Taro's H5 keeps earlier pages in the DOM; only the shown one counts. */
export const current = (page: Page): Locator => page.locator('.taro_page_show')

/** What a resident sees meets the mode's numbers and axe finds nothing serious. */
export async function checkScreen(page: Page, min: { minText: number; minMain: number }) {
  const small = (await visibleText(page)).filter((t) => t.fontSize < min.minText)
  expect(small).toEqual([])
  const targets = await tapTargets(page)
  expect(targets.filter((t) => t.width < 44 || t.height < (t.main ? min.minMain : 44))).toEqual([])
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))
  expect(serious).toEqual([])
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  await current(page).getByLabel(label, { exact: true }).locator('input').fill(value)
}

/** The login code the sandbox's SMS gateway recorded for this phone. */
export async function smsCode(phone: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${SANDBOX_URL}/sandbox/sms?phone=${phone}`)
    const body = (await res.json()) as { items: { code: string | null }[] }
    const code = body.items[0]?.code
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('no SMS reached the sandbox inbox')
}
