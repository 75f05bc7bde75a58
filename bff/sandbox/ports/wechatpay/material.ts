import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import {
  CertifiedKeyPair,
  RsaKeyPair,
  generateCertifiedKeyPair,
  generateRsaKeyPair,
  loadOrCreate,
  randomToken,
} from '../../keys'

/** Fixed so configs and docs can name it; keys and secrets are generated per installation. */
export const SANDBOX_MCHID = '1900006511'

const WechatPayKeys = z.object({
  /** apiclient_key.pem + apiclient_cert.pem: what the merchant signs requests with. */
  merchant: CertifiedKeyPair,
  /** The 平台证书: WeChat Pay signs with its key; merchants download it from /v3/certificates. */
  platform: CertifiedKeyPair,
  /** The 微信支付公钥 with its PUB_KEY_ID_…: the mode for merchants onboarded since late 2024. */
  publicKey: RsaKeyPair.extend({ id: z.string().regex(/^PUB_KEY_ID_\d{36}$/) }),
  /** APIv3 key: 32 characters, the AEAD_AES_256_GCM key of notifications and certificates. */
  apiV3Key: z.string().regex(/^[A-Za-z0-9]{32}$/),
})
export type WechatPayKeys = z.infer<typeof WechatPayKeys>

export interface WechatPayMaterial extends WechatPayKeys {
  readonly mchid: string
  readonly appid: string
}

export function loadWechatPayMaterial(dataDir: string, appid: string): WechatPayMaterial {
  const keys = loadOrCreate(dataDir, 'wechatpay', WechatPayKeys, () => {
    const digits = BigInt(`0x${randomBytes(12).toString('hex')}`)
      .toString()
      .padStart(24, '0')
    return {
      merchant: generateCertifiedKeyPair(
        {
          country: 'CN',
          province: 'Guangdong',
          locality: 'Shenzhen',
          organization: 'Tenpay.com',
          organizationalUnit: '燃气供热沙箱商户',
          commonName: SANDBOX_MCHID,
        },
        1825,
      ),
      platform: generateCertifiedKeyPair(
        {
          country: 'CN',
          province: 'Guangdong',
          locality: 'Shenzhen',
          organization: 'Tenpay.com',
          organizationalUnit: 'Tenpay.com CA Center',
          commonName: 'Tenpay.com Root CA',
        },
        1825,
      ),
      publicKey: {
        ...generateRsaKeyPair(),
        id: `PUB_KEY_ID_01${SANDBOX_MCHID}${digits.slice(-24)}`,
      },
      apiV3Key: randomToken(32),
    }
  })
  return { mchid: SANDBOX_MCHID, appid, ...keys }
}
