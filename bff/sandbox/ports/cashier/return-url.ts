const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost'])

/**
 * The `return` parameter: where the payer goes after paying or cancelling. Only local http(s)
 * addresses are allowed, so the cashier cannot be used to send people anywhere else.
 * Undefined when absent; null when present but not allowed.
 */
export function parseReturnUrl(value: unknown): string | undefined | null {
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string' || value.length > 2000) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!LOCAL_HOSTS.has(url.hostname) || url.username || url.password) return null
  return url.href
}
