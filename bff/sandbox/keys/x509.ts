import { createPrivateKey, createPublicKey, sign } from 'node:crypto'
import * as der from './der'

/** Subject (and, being self-signed, issuer) fields, in the order they are written. */
export interface DistinguishedName {
  readonly country?: string
  readonly province?: string
  readonly locality?: string
  readonly organization?: string
  readonly organizationalUnit?: string
  readonly commonName: string
}

export interface CertificateSpec {
  readonly subject: DistinguishedName
  /** Hex, at most 20 bytes; the first byte below 0x80 keeps it positive without padding. */
  readonly serialHex: string
  readonly notBefore: Date
  readonly notAfter: Date
  readonly privateKeyPem: string
  readonly publicKeyPem: string
}

/** Who signs a certificate that is not self-signed: a CA's name and its key. */
export interface CertificateIssuer {
  readonly subject: DistinguishedName
  readonly privateKeyPem: string
}

const OID = {
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  country: '2.5.4.6',
  province: '2.5.4.8',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
} as const

function name(dn: DistinguishedName): Buffer {
  const rdn = (oid: string, value: Buffer): Buffer =>
    der.set(der.sequence(der.objectIdentifier(oid), value))
  const parts: Buffer[] = []
  if (dn.country) parts.push(rdn(OID.country, der.printableString(dn.country)))
  if (dn.province) parts.push(rdn(OID.province, der.utf8String(dn.province)))
  if (dn.locality) parts.push(rdn(OID.locality, der.utf8String(dn.locality)))
  if (dn.organization) parts.push(rdn(OID.organization, der.utf8String(dn.organization)))
  if (dn.organizationalUnit) {
    parts.push(rdn(OID.organizationalUnit, der.utf8String(dn.organizationalUnit)))
  }
  parts.push(rdn(OID.commonName, der.utf8String(dn.commonName)))
  return der.sequence(...parts)
}

function extensions(ca: boolean): Buffer {
  const extension = (oid: string, critical: boolean, value: Buffer): Buffer =>
    der.sequence(der.objectIdentifier(oid), der.boolean(critical), der.octetString(value))
  // An end-entity signing certificate, like the ones WeChat Pay issues: not a CA;
  // digitalSignature, nonRepudiation, keyEncipherment (bits 0-2, so 5 unused bits).
  // A CA (a root that issues others): cA TRUE; keyCertSign, cRLSign (bits 5-6, 1 unused bit).
  return der.explicit(
    3,
    der.sequence(
      extension(OID.basicConstraints, true, ca ? der.sequence(der.boolean(true)) : der.sequence()),
      ca
        ? extension(OID.keyUsage, true, der.bitString(Buffer.from([0x06]), 1))
        : extension(OID.keyUsage, true, der.bitString(Buffer.from([0xe0]), 5)),
    ),
  )
}

/** A self-signed X.509 v3 certificate, sha256WithRSAEncryption, as PEM. */
export function selfSignedCertificate(
  spec: CertificateSpec,
  options: { ca?: boolean } = {},
): string {
  return issuedCertificate(spec, spec, options)
}

/**
 * An X.509 v3 certificate for `spec`'s key, named and signed by `issuer` (sha256WithRSAEncryption),
 * as PEM: what a CA hands a merchant or platform.
 */
export function issuedCertificate(
  spec: CertificateSpec,
  issuer: CertificateIssuer,
  options: { ca?: boolean } = {},
): string {
  const serial = Buffer.from(spec.serialHex, 'hex')
  if (serial.length === 0 || serial.length > 20) throw new Error('serial must be 1-20 bytes')
  const algorithm = der.sequence(der.objectIdentifier(OID.sha256WithRSAEncryption), der.nullValue())
  const spki = createPublicKey(spec.publicKeyPem).export({ type: 'spki', format: 'der' })
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)),
    der.unsignedInteger(serial),
    algorithm,
    name(issuer.subject),
    der.sequence(der.time(spec.notBefore), der.time(spec.notAfter)),
    name(spec.subject),
    spki,
    extensions(options.ca ?? false),
  )
  const signature = sign('sha256', tbs, createPrivateKey(issuer.privateKeyPem))
  const certificate = der.sequence(tbs, algorithm, der.bitString(signature))
  const base64 = certificate.toString('base64').replace(/(.{64})/g, '$1\n')
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`
}
