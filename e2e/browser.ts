import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
export const SCREENS_DIR = path.resolve(__dirname, '..', 'docs', 'screens')

/**
 * A screenshot of what the resident sees, as docs/screens/<name>.png (390×844 viewport):
 * the whole page by default, or only the first screen (what is visible without scrolling).
 */
export async function shot(
  page: Page,
  name: string,
  options: { firstScreenOnly?: boolean; dir?: string } = {},
): Promise<void> {
  const dir = options.dir ?? SCREENS_DIR
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  await settled(page)
  await page.screenshot({ path: file, fullPage: !options.firstScreenOnly })
}

/** Waits for Taro's page slide (in or out) to end, so a picture shows one page, not two. */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: the page's CSP forbids eval. Typed without the DOM library
  // because bff's browser test compiles this file too.
  await page.waitForFunction(() => {
    interface Running {
      playState: string
      constructor: { name: string }
    }
    const doc = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document
    return doc
      .getAnimations()
      .every((a) => a.constructor.name !== 'CSSTransition' || a.playState !== 'running')
  })
}

/*
 * Debian's chromium, not a downloaded browser (none can be downloaded here). Without these
 * flags and a fresh profile it keeps opening refused connections (see TOOLCHAIN.md).
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface Browser {
  context: BrowserContext
  close: () => Promise<void>
}

/** A fresh profile per call, so storage (token, remembered mode) never leaks between tests. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'gh-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * A browser for the tests of the enclosing `describe`: opened before them and closed after.
 * With `perTest`, every test gets its own fresh profile, so nobody is logged in when it starts.
 */
export function browserForTests(options: { perTest?: boolean } = {}): Browser {
  let opened: Browser | undefined
  const open = async () => {
    opened = await openBrowser()
  }
  const close = async () => {
    await opened?.close()
  }
  // After a failed test, what each of its pages showed (the route and Taro's page stack); then
  // they are closed, so the next test starts, and explains itself, alone.
  const explain = async () => {
    if (!(globalThis as { __journeyFailed?: boolean }).__journeyFailed || !opened) return
    console.error(await pagesShown(opened.context))
    const left = opened.context.pages().filter((p) => p.url() !== 'about:blank')
    await Promise.all(left.map((p) => p.close()))
  }
  if (options.perTest) {
    beforeEach(open)
    afterEach(async () => {
      await explain()
      await close()
    })
  } else {
    beforeAll(open)
    afterEach(explain)
    afterAll(close)
  }
  return {
    get context() {
      if (!opened)
        throw new Error('the browser opens before each test, not while tests are defined')
      return opened.context
    },
    close,
  }
}

/**
 * For a failed journey: each open page's route (no query: it may hold a link's token) and
 * Taro's page elements in order, with their state classes and whether they are displayed.
 */
async function pagesShown(context: BrowserContext): Promise<string> {
  const lines = ['pages open when the test failed:']
  for (const page of context.pages()) {
    if (page.isClosed() || page.url() === 'about:blank') continue
    const stack = await page
      .evaluate(() => {
        // Typed without the DOM library, as in `settled`.
        interface PageElement {
          id: string
          classList: Iterable<string>
        }
        const g = globalThis as unknown as {
          document: { querySelectorAll(selector: string): Iterable<PageElement> }
          getComputedStyle(el: PageElement): { display: string }
        }
        return Array.from(g.document.querySelectorAll('.taro_page'), (el) => {
          const state = Array.from(el.classList).filter((c) => c !== 'taro_page')
          const shown = g.getComputedStyle(el).display === 'none' ? 'hidden' : 'displayed'
          return `  ${el.id.split('?')[0] ?? ''} [${state.join(' ')}] ${shown}`
        })
      })
      .catch((error: unknown) => [`  (not readable: ${String(error)})`])
    lines.push(`${new URL(page.url()).hash.split('?')[0] || '/'}`, ...stack)
  }
  return lines.join('\n')
}
