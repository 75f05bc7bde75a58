import { createPrivateKey } from 'node:crypto'
import { z } from 'zod'
import { RsaKeyPair, generateRsaKeyPair, loadOrCreate } from '../../keys'

/**
 * Two RSA-2048 key pairs, as on the Alipay open platform: the merchant app's (the app signs
 * requests, Alipay verifies with the uploaded app public key) and Alipay's own (Alipay signs
 * responses and notifications, the merchant verifies with the Alipay public key). Generated on
 * first start and kept in `<SANDBOX_DATA_DIR>/keys/alipay.json`.
 */
const AlipayKeySet = z.object({ app: RsaKeyPair, alipay: RsaKeyPair })

export interface AlipayKeys {
  /** PKCS#1 (`RSA PRIVATE KEY`): what alipay-sdk reads by default (`keyType: 'PKCS1'`). */
  readonly appPrivateKey: string
  /** The same key as PKCS#8, for `keyType: 'PKCS8'` and Java-style tooling. */
  readonly appPrivateKeyPkcs8: string
  readonly appPublicKey: string
  readonly alipayPrivateKey: string
  readonly alipayPublicKey: string
}

const cache = new Map<string, AlipayKeys>()

export function alipayKeys(dataDir: string): AlipayKeys {
  const cached = cache.get(dataDir)
  if (cached) return cached
  const set = loadOrCreate(dataDir, 'alipay', AlipayKeySet, () => ({
    app: generateRsaKeyPair(),
    alipay: generateRsaKeyPair(),
  }))
  const pkcs1 = createPrivateKey(set.app.privateKeyPem).export({ type: 'pkcs1', format: 'pem' })
  const keys: AlipayKeys = {
    appPrivateKey: pkcs1.toString(),
    appPrivateKeyPkcs8: set.app.privateKeyPem,
    appPublicKey: set.app.publicKeyPem,
    alipayPrivateKey: set.alipay.privateKeyPem,
    alipayPublicKey: set.alipay.publicKeyPem,
  }
  cache.set(dataDir, keys)
  return keys
}
