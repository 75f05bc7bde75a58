import { X509Certificate, randomUUID } from 'node:crypto'
import type { Certificates, JsapiOrderRequest, RefundRequest } from '../../../contracts/wechatpay'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { NonceWindow } from './auth'
import { BillDesk, tradeBillCsv, type BillType } from './bill'
import { encryptResource, refundSuccess, transactionSuccess } from './events'
import { PayIds } from './ids'
import type { WechatPayMaterial } from './material'
import { NotificationDispatcher } from './notify/dispatcher'
import { PayOrders } from './orders'
import { PayRefunds, type RefundRecord } from './refunds'
import { defaultSettings, type WechatPaySettings } from './settings'
import { PlatformSigner } from './signing'

/** WeChat Pay's retry waits after a failed notification: about 24 h in all. */
export const WECHATPAY_RETRY_DELAYS_MS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
].map((s) => s * 1000)

/** The WeChat Pay peer: orders, refunds, bills and notifications over one merchant's keys. */
export class WechatPay {
  readonly settings: WechatPaySettings = defaultSettings()
  readonly signer: PlatformSigner
  readonly nonces = new NonceWindow()
  readonly orders: PayOrders
  readonly refunds: PayRefunds
  readonly bills: BillDesk
  readonly notifier: NotificationDispatcher
  private readonly ids: PayIds
  private readonly timers = new Map<NodeJS.Timeout, () => void>()

  constructor(
    readonly material: WechatPayMaterial,
    private readonly clock: SandboxClock,
    seed: number,
  ) {
    this.ids = new PayIds(seed)
    this.signer = new PlatformSigner(material, () => this.settings.serialMode)
    this.orders = new PayOrders(clock, this.ids)
    this.refunds = new PayRefunds(clock, this.ids, this.orders)
    this.bills = new BillDesk(clock)
    this.notifier = new NotificationDispatcher({
      provider: 'wechatpay',
      retryDelaysMs: WECHATPAY_RETRY_DELAYS_MS,
      responseTimeoutMs: 5000,
      headers: (body) => ({
        ...this.signer.headers(body),
        'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
        'Request-ID': randomUUID(),
        'User-Agent': 'Mozilla/4.0',
      }),
      accepted: (status) => status === 200 || status === 204,
    })
    this.notifier.onFlush(() => this.runTimersNow())
  }

  createOrder(request: JsapiOrderRequest): { prepay_id: string } {
    return { prepay_id: this.orders.create(request).prepayId }
  }

  /** The payer confirmed (cashier page): paid once, notified once per payment. */
  pay(outTradeNo: string): void {
    if (!this.orders.pay(outTradeNo)) return
    const order = this.orders.require(outTradeNo)
    const id = this.ids.eventId()
    this.notifier.send({
      id,
      kind: 'TRANSACTION.SUCCESS',
      key: outTradeNo,
      url: order.request.notify_url,
      body: transactionSuccess(
        { id, createdAtMs: this.clock.nowMs(), apiV3Key: this.material.apiV3Key },
        this.orders.view(order),
      ),
    })
  }

  refund(request: RefundRequest): RefundRecord {
    const { record, created } = this.refunds.create(request, this.settings.balanceFen)
    if (created) {
      this.later(this.settings.refundDelayMs, () => this.completeRefund(record))
      if (this.settings.balanceFen !== null) this.settings.balanceFen -= request.amount.refund
    }
    return record
  }

  tradeBill(billDate: string, type: BillType, gzip: boolean) {
    const build = () => tradeBillCsv(billDate, type, this.orders.all(), this.refunds.all())
    return this.bills.prepare(billDate, build, gzip)
  }

  /** GET /v3/certificates: the platform certificate, encrypted as WeChat Pay serves it. */
  certificates(): Certificates {
    const { platform, apiV3Key } = this.material
    const cert = new X509Certificate(platform.certificatePem)
    return {
      data: [
        {
          serial_no: platform.serialNo,
          effective_time: toShanghaiIso(new Date(cert.validFrom)),
          expire_time: toShanghaiIso(new Date(cert.validTo)),
          encrypt_certificate: encryptResource(apiV3Key, platform.certificatePem, 'certificate'),
        },
      ],
    }
  }

  applySettings(update: Partial<WechatPaySettings>): WechatPaySettings {
    return Object.assign(this.settings, update)
  }

  async close(): Promise<void> {
    for (const timer of this.timers.keys()) clearTimeout(timer)
    this.timers.clear()
    await this.notifier.close()
  }

  private completeRefund(record: RefundRecord): void {
    this.refunds.complete(record)
    const url = record.request.notify_url
    if (!url) return
    const id = this.ids.eventId()
    const view = this.refunds.view(record)
    this.notifier.send({
      id,
      kind: 'REFUND.SUCCESS',
      key: view.out_trade_no,
      url,
      body: refundSuccess(
        { id, createdAtMs: this.clock.nowMs(), apiV3Key: this.material.apiV3Key },
        {
          mchid: this.material.mchid,
          out_trade_no: view.out_trade_no,
          transaction_id: view.transaction_id,
          out_refund_no: view.out_refund_no,
          refund_id: view.refund_id,
          refund_status: 'SUCCESS',
          success_time: view.success_time,
          user_received_account: view.user_received_account,
          amount: {
            total: view.amount.total,
            refund: view.amount.refund,
            payer_total: view.amount.payer_total,
            payer_refund: view.amount.payer_refund,
          },
        },
      ),
    })
  }

  /** Refunds still processing complete now (POST /sandbox/notifications/flush). */
  private runTimersNow(): void {
    for (const [timer, run] of [...this.timers]) {
      clearTimeout(timer)
      this.timers.delete(timer)
      run()
    }
  }

  /** Scaled like notification retries (POST /sandbox/notifications/speed). */
  private later(ms: number, run: () => void): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer)
        run()
      },
      Math.round(ms * this.notifier.timeScale),
    )
    timer.unref()
    this.timers.set(timer, run)
  }
}
