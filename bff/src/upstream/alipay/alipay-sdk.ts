import { createPrivateKey } from 'node:crypto'
import { AlipaySdk } from 'alipay-sdk'
import type { AlipayCredentials } from './alipay-credentials'

/**
 * The console shows the app key as bare base64 (PKCS#8 or PKCS#1) and tools write PEM of either
 * kind; alipay-sdk needs to be told which. One PKCS#8 PEM for it, whatever we were given.
 */
function pkcs8Pem(text: string): string {
  if (text.includes('-----BEGIN')) {
    return String(createPrivateKey(text).export({ type: 'pkcs8', format: 'pem' }))
  }
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  let key
  try {
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } catch {
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })
  }
  return String(key.export({ type: 'pkcs8', format: 'pem' }))
}

/** The official SDK for our app: it signs requests and verifies answers and notifications. */
export function sdkFor(creds: AlipayCredentials): AlipaySdk {
  const common = {
    appId: creds.appId,
    privateKey: pkcs8Pem(creds.appPrivateKey),
    keyType: 'PKCS8' as const,
  }
  const sdk = creds.certificates
    ? new AlipaySdk({
        ...common,
        // The SDK reads the certificates' serials (app_cert_sn, alipay_root_cert_sn,
        // alipay_cert_sn) and takes Alipay's public key from its certificate.
        appCertContent: creds.certificates.appCert,
        alipayPublicCertContent: creds.certificates.alipayPublicCert,
        alipayRootCertContent: creds.certificates.alipayRootCert,
      })
    : new AlipaySdk({ ...common, alipayPublicKey: creds.alipayPublicKey })
  // Without a public key the SDK skips response verification with a warning; never let it.
  if (!sdk.config.alipayPublicKey) throw new Error('Alipay public key missing')
  return sdk
}

/**
 * The SDK built once from the app's credentials; a failed load is not kept, so the next call
 * tries again (the sandbox may not be up yet).
 */
export function alipaySdk(credentials: () => Promise<AlipayCredentials>): () => Promise<AlipaySdk> {
  let loaded: Promise<AlipaySdk> | undefined
  return () => {
    loaded ??= credentials()
      .then(sdkFor)
      .catch((err: unknown) => {
        loaded = undefined
        throw err
      })
    return loaded
  }
}
