import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  type KeyObject,
} from 'node:crypto'

/**
 * Alipay's RSA2 (SHA256withRSA) over the sorted `k=v&…` of every parameter but `sign` and empty
 * values. Shared by the gateway client, and later by payment notifications.
 */
export function signContent(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&')
}

/** Accepts PEM or the bare base64 the Alipay console shows (PKCS#8 or PKCS#1). */
export function privateKeyFrom(text: string): KeyObject {
  if (text.includes('-----BEGIN')) return createPrivateKey(text)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })
  }
}

export function publicKeyFrom(text: string): KeyObject {
  if (text.includes('-----BEGIN')) return createPublicKey(text)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
}

export function rsa2Sign(content: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64')
}

export function rsa2Verify(content: string, signature: string, key: KeyObject): boolean {
  return createVerify('RSA-SHA256').update(content, 'utf8').verify(key, signature, 'base64')
}
