import { createCipheriv } from 'node:crypto'
import type { RefundResource, Transaction } from '../../../contracts/wechatpay'
import { toShanghaiIso } from '../../clock'
import { randomToken } from '../../keys'

/** AEAD_AES_256_GCM under the APIv3 key: base64(ciphertext || 16-byte tag), 12-character nonce. */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData: string) {
  const nonce = randomToken(12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce))
  cipher.setAAD(Buffer.from(associatedData))
  const sealed = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  return {
    algorithm: 'AEAD_AES_256_GCM' as const,
    ciphertext: sealed.toString('base64'),
    nonce,
    associated_data: associatedData,
  }
}

interface EventSpec {
  id: string
  createdAtMs: number
  apiV3Key: string
}

function envelope(
  spec: EventSpec,
  eventType: string,
  summary: string,
  type: string,
  plain: object,
): string {
  return JSON.stringify({
    id: spec.id,
    create_time: toShanghaiIso(spec.createdAtMs),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource: {
      original_type: type,
      ...encryptResource(spec.apiV3Key, JSON.stringify(plain), type),
    },
  })
}

export const transactionSuccess = (spec: EventSpec, transaction: Transaction): string =>
  envelope(spec, 'TRANSACTION.SUCCESS', '支付成功', 'transaction', transaction)

export const refundSuccess = (spec: EventSpec, refund: RefundResource): string =>
  envelope(spec, 'REFUND.SUCCESS', '退款成功', 'refund', refund)
