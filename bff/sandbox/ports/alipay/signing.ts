import { createSign, createVerify } from 'node:crypto'

/**
 * Alipay's RSA2 (SHA256withRSA) signing, as the open platform does it:
 * - requests: every parameter but `sign`, empty values left out, sorted by name, `k=v&…`
 *   (alipay-sdk signs `sign_type` too, and so does the gateway);
 * - responses: the raw JSON text of the `…_response` member;
 * - notifications: every parameter but `sign` and `sign_type`, sorted, `k=v&…`.
 */
export function signContent(
  params: Readonly<Record<string, string>>,
  exclude: readonly string[],
): string {
  return Object.keys(params)
    .filter((key) => !exclude.includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')
}

export function rsa2Sign(text: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privateKeyPem, 'base64')
}

export function rsa2Verify(text: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(text, 'utf8').verify(publicKeyPem, signature, 'base64')
  } catch {
    // A malformed signature is a failed check, not a server error.
    return false
  }
}

export const requestSignContent = (params: Readonly<Record<string, string>>): string =>
  signContent(params, ['sign'])

export const notifySignContent = (params: Readonly<Record<string, string>>): string =>
  signContent(params, ['sign', 'sign_type'])

/**
 * `{"<key>":{…},"sign":"…"}` built as text, so the signature covers exactly the bytes sent
 * (clients cut the `…_response` value out of the raw body to verify it). Slashes are escaped
 * (`https:\/\/…`) as in Alipay's own answers: a client that re-serialises parsed JSON instead
 * of verifying the raw text fails here as it would in production.
 */
export function signedResponseText(
  key: string,
  payload: Readonly<Record<string, unknown>>,
  alipayPrivateKeyPem: string,
  /** Unsigned members between the answer and its signature (`alipay_cert_sn` in cert mode). */
  beside: Readonly<Record<string, string>> = {},
): string {
  const inner = JSON.stringify(payload).replaceAll('/', '\\/')
  const sign = rsa2Sign(inner, alipayPrivateKeyPem)
  const extra = Object.entries(beside)
    .map(([name, value]) => `,${JSON.stringify(name)}:${JSON.stringify(value)}`)
    .join('')
  return `{${JSON.stringify(key)}:${inner}${extra},"sign":${JSON.stringify(sign)}}`
}
