import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { selfSignedCertificate, type DistinguishedName } from './x509'

/** An RSA 2048 key pair as PEM (private PKCS#8, public SPKI), the form both consoles hand out. */
export const RsaKeyPair = z.object({
  privateKeyPem: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
  publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----'),
})
export type RsaKeyPair = z.infer<typeof RsaKeyPair>

/** A key pair with a self-signed certificate: what a merchant or platform certificate stands for. */
export const CertifiedKeyPair = RsaKeyPair.extend({
  certificatePem: z.string().startsWith('-----BEGIN CERTIFICATE-----'),
  /** Upper-case hex, as WeChat Pay prints certificate serials. */
  serialNo: z.string().regex(/^[0-9A-F]{2,40}$/),
})
export type CertifiedKeyPair = z.infer<typeof CertifiedKeyPair>

export function generateRsaKeyPair(): RsaKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return { privateKeyPem: privateKey, publicKeyPem: publicKey }
}

/** A 20-byte positive serial (first byte 0x01-0x7f), upper-case hex: 40 characters. */
export function randomSerialHex(): string {
  const bytes = randomBytes(20)
  bytes[0] = ((bytes[0] ?? 0) % 0x7f) + 1
  return bytes.toString('hex').toUpperCase()
}

export function generateCertifiedKeyPair(
  subject: DistinguishedName,
  validDays: number,
  now: Date = new Date(),
): CertifiedKeyPair {
  const keys = generateRsaKeyPair()
  const serialNo = randomSerialHex()
  // Backdated a day so a client whose clock is a little behind still accepts it.
  const notBefore = new Date(now.getTime() - 86_400_000)
  const notAfter = new Date(now.getTime() + validDays * 86_400_000)
  const certificatePem = selfSignedCertificate({
    subject,
    serialHex: serialNo,
    notBefore,
    notAfter,
    ...keys,
  })
  return { ...keys, certificatePem, serialNo }
}
