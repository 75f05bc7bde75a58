import { X509Certificate, createHash } from 'node:crypto'
import { z } from 'zod'
import {
  RsaKeyPair,
  generateRsaKeyPair,
  issuedCertificate,
  loadOrCreate,
  randomSerialHex,
  selfSignedCertificate,
  type DistinguishedName,
} from '../../keys'
import type { AlipayKeys } from './keys'

/**
 * 公钥证书 mode: instead of bare public keys, the open platform hands the merchant three files —
 * the app's public-key certificate (appCertPublicKey_<appid>.crt), Alipay's public-key certificate
 * (alipayCertPublicKey_RSA2.crt) and Alipay's root certificate (alipayRootCert.crt). Requests name
 * the first and the last by serial (app_cert_sn, alipay_root_cert_sn); answers name Alipay's
 * (alipay_cert_sn), so a merchant notices when Alipay rolls its certificate.
 *
 * The certificates wrap the same key pairs as the public-key mode, so one sandbox serves both;
 * kept in `<SANDBOX_DATA_DIR>/keys/alipay-certs-<key fingerprint>.json`, next to (not inside) the
 * key pairs, so key files written before certificates existed still load, and new keys get new
 * certificates.
 */
const CertificatePem = z.string().startsWith('-----BEGIN CERTIFICATE-----')
const AlipayCertSet = z.object({
  root: RsaKeyPair.extend({ certificatePem: CertificatePem }),
  appCertPem: CertificatePem,
  alipayCertPem: CertificatePem,
})

export interface AlipayCertificates {
  readonly appCertPem: string
  readonly alipayCertPem: string
  readonly rootCertPem: string
  readonly appCertSn: string
  readonly alipayCertSn: string
  readonly rootCertSn: string
}

/** Plain ASCII names: the SN hashes the issuer's printed name, and escaping would vary by tool. */
const ROOT: DistinguishedName = {
  country: 'CN',
  organization: 'Ant Financial Sandbox',
  organizationalUnit: 'Certification Authority',
  commonName: 'Ant Financial Sandbox Root CA R1',
}

const DAY_MS = 86_400_000

function create(keys: AlipayKeys, now = new Date()): z.infer<typeof AlipayCertSet> {
  // Backdated a day so a client whose clock is a little behind still accepts them.
  const notBefore = new Date(now.getTime() - DAY_MS)
  const root = generateRsaKeyPair()
  const rootCertPem = selfSignedCertificate(
    {
      subject: ROOT,
      serialHex: randomSerialHex(),
      notBefore,
      notAfter: new Date(now.getTime() + 20 * 365 * DAY_MS),
      ...root,
    },
    { ca: true },
  )
  const issue = (subject: DistinguishedName, pair: RsaKeyPair) =>
    issuedCertificate(
      {
        subject,
        serialHex: randomSerialHex(),
        notBefore,
        notAfter: new Date(now.getTime() + 5 * 365 * DAY_MS),
        ...pair,
      },
      { subject: ROOT, privateKeyPem: root.privateKeyPem },
    )
  return {
    root: { ...root, certificatePem: rootCertPem },
    appCertPem: issue(
      {
        country: 'CN',
        organization: 'Sandbox Utility',
        organizationalUnit: 'Alipay',
        commonName: 'sandbox-app',
      },
      { privateKeyPem: keys.appPrivateKeyPkcs8, publicKeyPem: keys.appPublicKey },
    ),
    alipayCertPem: issue(
      {
        country: 'CN',
        organization: 'Ant Financial Sandbox',
        organizationalUnit: 'Alipay',
        commonName: 'Alipay RSA2',
      },
      { privateKeyPem: keys.alipayPrivateKey, publicKeyPem: keys.alipayPublicKey },
    ),
  }
}

/**
 * A certificate's serial as Alipay names it: md5 of the issuer's attributes, last first, written
 * `CN=…,OU=…,O=…,C=…`, followed by the serial number in decimal (what alipay-sdk computes).
 */
export function certSn(pem: string): string {
  const cert = new X509Certificate(pem)
  const issuer = cert.issuer.split('\n').reverse().join(',')
  const serial = BigInt(`0x${cert.serialNumber}`).toString(10)
  return createHash('md5')
    .update(issuer + serial, 'utf8')
    .digest('hex')
}

/**
 * The root file may hold several roots; its SN joins those of the RSA ones with `_` (Alipay's
 * root bundle also carries an SM2 root, which RSA2 merchants skip).
 */
export function rootCertSn(pemBundle: string): string {
  const blocks = pemBundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
  return (blocks ?? [])
    .filter((pem) => new X509Certificate(pem).publicKey.asymmetricKeyType === 'rsa')
    .map(certSn)
    .join('_')
}

const cache = new Map<string, AlipayCertificates>()

export function alipayCertificates(dataDir: string, keys: AlipayKeys): AlipayCertificates {
  const cached = cache.get(dataDir)
  if (cached) return cached
  const fingerprint = createHash('sha256')
    .update(keys.appPublicKey + keys.alipayPublicKey)
    .digest('hex')
    .slice(0, 12)
  const set = loadOrCreate(dataDir, `alipay-certs-${fingerprint}`, AlipayCertSet, () =>
    create(keys),
  )
  const certs: AlipayCertificates = {
    appCertPem: set.appCertPem,
    alipayCertPem: set.alipayCertPem,
    rootCertPem: set.root.certificatePem,
    appCertSn: certSn(set.appCertPem),
    alipayCertSn: certSn(set.alipayCertPem),
    rootCertSn: rootCertSn(set.root.certificatePem),
  }
  cache.set(dataDir, certs)
  return certs
}
