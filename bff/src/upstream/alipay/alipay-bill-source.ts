import { BillUrlResponse } from '../../../contracts/alipay'
import {
  BillNotReady,
  type BillLine,
  type ProviderBillSource,
} from '../payment-providers/payment-providers-port'
import { parseAlipayBillArchive } from './alipay-bill'
import { AlipayBusinessError, type AlipayGatewayClient } from './alipay-gateway-client'

/**
 * The day's trade bill from Alipay: alipay.data.dataservice.bill.downloadurl.query (bill_type
 * trade) answers a signed, short-lived link to a ZIP of GBK CSV files. isp.bill_not_exist means
 * it is not generated yet (Alipay publishes after ~09:00 the next day).
 */
export class AlipayBillSource implements ProviderBillSource {
  readonly name = 'alipay' as const

  constructor(private readonly gateway: AlipayGatewayClient) {}

  async tradeBill(day: string): Promise<BillLine[]> {
    let link
    try {
      link = await this.gateway.exec(
        'alipay.data.dataservice.bill.downloadurl.query',
        { bizContent: { bill_type: 'trade', bill_date: day } },
        BillUrlResponse,
        { idempotent: true },
      )
    } catch (err) {
      if (err instanceof AlipayBusinessError && err.subCode === 'isp.bill_not_exist') {
        throw new BillNotReady('alipay', day)
      }
      throw err
    }
    const archive = await this.gateway.download('downloadBill', link.bill_download_url)
    return parseAlipayBillArchive(archive)
  }
}
