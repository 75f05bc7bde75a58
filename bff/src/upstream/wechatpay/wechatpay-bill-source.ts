import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { TradeBillResponse } from '../../../contracts/wechatpay'
import { UpstreamError } from '../../platform/upstream-client'
import {
  BillNotReady,
  type BillLine,
  type ProviderBillSource,
} from '../payment-providers/payment-providers-port'
import { parseWechatTradeBill } from './wechatpay-bill'
import { WechatPayRejected, type WechatPayClient } from './wechatpay-client'

const isGzip = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b

/**
 * The day's trade bill from WeChat Pay v3: GET /v3/bill/tradebill (bill_type ALL, gzip) answers a
 * signed download address and the file's SHA1; the file itself is unsigned, so its hash is what
 * ties it to the signed answer. NO_STATEMENT_EXIST means the day had no trade.
 */
export class WechatPayBillSource implements ProviderBillSource {
  readonly name = 'wechatpay' as const

  constructor(private readonly client: WechatPayClient) {}

  async tradeBill(day: string): Promise<BillLine[]> {
    let answer
    try {
      answer = await this.client.request({
        operation: 'tradeBill',
        method: 'GET',
        path: `/v3/bill/tradebill?bill_date=${day}&bill_type=ALL&tar_type=GZIP`,
        idempotent: true,
        response: TradeBillResponse,
      })
    } catch (err) {
      if (err instanceof WechatPayRejected && err.code === 'NO_STATEMENT_EXIST') return []
      if (err instanceof WechatPayRejected && err.code === 'STATEMENT_CREATING') {
        throw new BillNotReady('wechatpay', day)
      }
      throw err
    }
    if (!answer) throw new UpstreamError('wechatpay', 'bad_response', 'tradeBill: empty answer')
    const bytes = await this.client.download('downloadBill', answer.download_url)
    const sha1 = createHash('sha1').update(bytes).digest('hex')
    if (sha1 !== answer.hash_value.toLowerCase()) {
      throw new UpstreamError('wechatpay', 'bad_response', 'downloadBill: hash mismatch')
    }
    const csv = (isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8')
    return parseWechatTradeBill(csv)
  }
}
