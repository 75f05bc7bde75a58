import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export interface TextSample {
  text: string
  fontSize: number
}

export interface TargetSample {
  name: string
  width: number
  height: number
  main: boolean
}

/** Font size of every visible piece of text a resident can read on screen. */
export function visibleText(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const samples: { text: string; fontSize: number }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const parent = node.parentElement
      if (!text || !parent || parent.closest('[aria-hidden="true"], svg, style, script')) continue
      const style = getComputedStyle(parent)
      const box = parent.getBoundingClientRect()
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0) continue
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      samples.push({ text, fontSize: parseFloat(style.fontSize) })
    }
    return samples
  })
}

const TARGETS = 'button, a, [role="button"], [role="switch"], .weui-tabbar__item'

/** Size of every visible thing that can be tapped (by default buttons, links and tabs). */
export function tapTargets(page: Page, selector = TARGETS): Promise<TargetSample[]> {
  return page.evaluate((selector) => {
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
      .map((el) => {
        const box = el.getBoundingClientRect()
        return {
          name: (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 30),
          width: Math.round(box.width),
          height: Math.round(box.height),
          main: el.matches('.main-control, .weui-tabbar__item'),
        }
      })
  }, selector)
}

/** What axe finds serious or critical on the page, each with up to five of the places. */
export async function seriousAxeViolations(
  page: Page,
): Promise<{ id: string; targets: string[] }[]> {
  const axe = await new AxeBuilder({ page }).analyze()
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))
}
