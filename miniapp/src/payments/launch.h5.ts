import type { LaunchPayment } from './outcome'
import { wrongPlatform } from './outcome'

/** The cashier URL with where to come back to; the cashier only accepts a local `return`. */
export function cashierHref(cashierUrl: string, returnUrl: string): string {
  const url = new URL(cashierUrl)
  url.searchParams.set('return', returnUrl)
  return url.href
}

/** Replaced in tests: jsdom cannot leave the page. */
export const browser = { go: (href: string) => window.location.assign(href) }

/** H5: leave for the sandbox (or provider) cashier page; it sends the resident back. */
export const launchPayment: LaunchPayment = (params, { returnUrl }) => {
  if (params.kind !== 'h5') return Promise.resolve(wrongPlatform(params.kind))
  browser.go(cashierHref(params.cashierUrl, returnUrl))
  return Promise.resolve({ kind: 'redirected' })
}
