/**
 * Key material for the payment peers (WeChat Pay, Alipay): RSA 2048 key pairs and self-signed
 * X.509 certificates generated with node:crypto on first start, then kept under
 * `<SANDBOX_DATA_DIR>/keys/` and loaded on every later start.
 *
 *   const keys = loadOrCreate(dataDir, 'alipay', AlipayKeys, () => ({
 *     app: generateRsaKeyPair(),
 *     alipay: generateRsaKeyPair(),
 *   }))
 */
export { loadOrCreate, keyFile } from './store'
export {
  CertifiedKeyPair,
  RsaKeyPair,
  generateCertifiedKeyPair,
  generateRsaKeyPair,
  randomSerialHex,
} from './rsa'
export {
  issuedCertificate,
  selfSignedCertificate,
  type CertificateIssuer,
  type CertificateSpec,
  type DistinguishedName,
} from './x509'
export { randomToken } from './tokens'
