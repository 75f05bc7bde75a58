import { fenToYuanString } from '@gh/shared'
import type { AlipayTradeStatus, TradeCreateBiz } from '../../../contracts/alipay'
import type { SandboxClock } from '../../clock'
import { business, invalidParameter } from './errors'
import { alipayDate, parseAlipayTime, timeoutExpressMs } from './time'

export interface Refund {
  readonly outRequestNo: string
  readonly amountFen: number
  readonly reason: string | undefined
  readonly at: number
}

export type CloseReason = 'merchant' | 'expired' | 'refunded'

export interface Trade {
  readonly tradeNo: string
  readonly outTradeNo: string
  readonly subject: string
  readonly body: string | undefined
  readonly totalFen: number
  readonly buyerId: string | undefined
  readonly buyerOpenId: string | undefined
  readonly notifyUrl: string | undefined
  readonly createdAt: number
  readonly expiresAt: number
  /** What trade.create was called with, to tell a retry from a conflicting reuse. */
  readonly fingerprint: string
  status: AlipayTradeStatus
  paidAt: number | undefined
  closedAt: number | undefined
  closeReason: CloseReason | undefined
  readonly refunds: Refund[]
}

export type TradeEvent =
  | { kind: 'created'; trade: Trade }
  | { kind: 'paid'; trade: Trade }
  | { kind: 'closed'; trade: Trade; notifyUrl: string | undefined }
  | { kind: 'refunded'; trade: Trade; refund: Refund }

export interface TradeRef {
  out_trade_no?: string | undefined
  trade_no?: string | undefined
}

// Real trades left unpaid close after 15 days unless the merchant sets a shorter time.
const DEFAULT_TIMEOUT_MS = 15 * 86_400_000
const MAX_TOTAL_FEN = 100_000_000_00

/**
 * Alipay's trades of one merchant app, in integer fen. Unpaid trades close by themselves at
 * their expiry (checked on every read and by `sweep`), as Alipay's timeout job does.
 */
export class TradeStore {
  private readonly byOutTradeNo = new Map<string, Trade>()
  private readonly byTradeNo = new Map<string, Trade>()
  private seq = 0

  constructor(
    private readonly clock: SandboxClock,
    private readonly seed: number,
    private readonly onEvent: (event: TradeEvent) => void,
  ) {}

  create(biz: TradeCreateBiz, totalFen: number, notifyUrl: string | undefined): Trade {
    if (totalFen < 1 || totalFen > MAX_TOTAL_FEN) {
      throw invalidParameter('订单金额必须在 0.01 到 100000000 元之间')
    }
    if (!biz.buyer_id && !biz.buyer_open_id) {
      throw invalidParameter('buyer_id 和 buyer_open_id 不能同时为空')
    }
    const now = this.clock.nowMs()
    const fingerprint = JSON.stringify([biz.total_amount, biz.subject, biz.buyer_id ?? null])
    const existing = this.get({ out_trade_no: biz.out_trade_no })
    if (existing) return this.repeatCreate(existing, fingerprint)

    const trade: Trade = {
      tradeNo: this.nextTradeNo(now),
      outTradeNo: biz.out_trade_no,
      subject: biz.subject,
      body: biz.body,
      totalFen,
      buyerId: biz.buyer_id,
      buyerOpenId: biz.buyer_open_id,
      notifyUrl,
      createdAt: now,
      expiresAt: this.expiryOf(biz, now),
      fingerprint,
      status: 'WAIT_BUYER_PAY',
      paidAt: undefined,
      closedAt: undefined,
      closeReason: undefined,
      refunds: [],
    }
    this.byOutTradeNo.set(trade.outTradeNo, trade)
    this.byTradeNo.set(trade.tradeNo, trade)
    this.onEvent({ kind: 'created', trade })
    return trade
  }

  /** The trade, with its expiry applied; undefined when there is none. */
  get(ref: TradeRef): Trade | undefined {
    const trade = ref.trade_no
      ? this.byTradeNo.get(ref.trade_no)
      : ref.out_trade_no
        ? this.byOutTradeNo.get(ref.out_trade_no)
        : undefined
    if (trade) this.expire(trade)
    return trade
  }

  require(ref: TradeRef): Trade {
    const trade = this.get(ref)
    if (!trade) throw business('ACQ.TRADE_NOT_EXIST', '交易不存在')
    return trade
  }

  /** The buyer confirmed in the Alipay app (here: the cashier page). */
  pay(trade: Trade): Trade {
    this.expire(trade)
    if (trade.status !== 'WAIT_BUYER_PAY') return trade
    trade.status = 'TRADE_SUCCESS'
    trade.paidAt = this.clock.nowMs()
    this.onEvent({ kind: 'paid', trade })
    return trade
  }

  close(ref: TradeRef, notifyUrl: string | undefined): Trade {
    const trade = this.require(ref)
    if (trade.status !== 'WAIT_BUYER_PAY') {
      throw business('ACQ.TRADE_STATUS_ERROR', '交易状态不合法')
    }
    this.closeTrade(trade, 'merchant', notifyUrl)
    return trade
  }

  /** `fundChange` is false when the same refund request was already carried out. */
  refund(
    trade: Trade,
    amountFen: number,
    outRequestNo: string | undefined,
    reason: string | undefined,
  ): { refund: Refund; fundChange: boolean } {
    const refundedFen = this.refundedFen(trade)
    const zero = { refund_fee: fenToYuanString(refundedFen), send_back_fee: '0.00' }
    // Without out_request_no the request stands for the one full refund of the trade.
    const requestNo = outRequestNo ?? trade.outTradeNo
    const earlier = trade.refunds.find((r) => r.outRequestNo === requestNo)
    if (earlier) {
      if (earlier.amountFen !== amountFen) {
        throw business('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额与原退款请求不一致', zero)
      }
      return { refund: earlier, fundChange: false }
    }
    if (trade.status === 'WAIT_BUYER_PAY')
      throw business('ACQ.TRADE_STATUS_ERROR', '交易状态不合法')
    if (trade.status === 'TRADE_CLOSED') throw business('ACQ.TRADE_HAS_CLOSE', '交易已经关闭', zero)
    if (trade.status === 'TRADE_FINISHED') throw business('ACQ.TRADE_HAS_FINISHED', '交易已完结')
    if (amountFen < 1) throw invalidParameter('退款金额必须大于 0')
    if (outRequestNo === undefined && amountFen !== trade.totalFen) {
      throw business('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '撤销或退款金额与订单金额不一致', zero)
    }
    if (refundedFen + amountFen > trade.totalFen) {
      throw business('ACQ.REASON_TRADE_REFUND_FEE_ERR', '退款金额超限', zero)
    }
    const refund: Refund = { outRequestNo: requestNo, amountFen, reason, at: this.clock.nowMs() }
    trade.refunds.push(refund)
    if (refundedFen + amountFen === trade.totalFen) {
      // A fully refunded trade is closed on Alipay's side.
      trade.status = 'TRADE_CLOSED'
      trade.closedAt = refund.at
      trade.closeReason = 'refunded'
    }
    this.onEvent({ kind: 'refunded', trade, refund })
    return { refund, fundChange: true }
  }

  refundedFen(trade: Trade): number {
    return trade.refunds.reduce((sum, r) => sum + r.amountFen, 0)
  }

  /** Trades created, paid or refunded within [fromMs, toMs). */
  touchedBetween(fromMs: number, toMs: number): Trade[] {
    const within = (t: number | undefined): boolean => t !== undefined && t >= fromMs && t < toMs
    return [...this.byTradeNo.values()].filter(
      (t) => within(t.paidAt) || t.refunds.some((r) => within(r.at)),
    )
  }

  /** Closes expired trades; answers whether unpaid trades are still waiting. */
  sweep(): boolean {
    let waiting = false
    for (const trade of this.byTradeNo.values()) {
      this.expire(trade)
      if (trade.status === 'WAIT_BUYER_PAY') waiting = true
    }
    return waiting
  }

  private expire(trade: Trade): void {
    if (trade.status === 'WAIT_BUYER_PAY' && this.clock.nowMs() >= trade.expiresAt) {
      this.closeTrade(trade, 'expired', trade.notifyUrl)
    }
  }

  private closeTrade(trade: Trade, reason: CloseReason, notifyUrl: string | undefined): void {
    trade.status = 'TRADE_CLOSED'
    trade.closedAt = this.clock.nowMs()
    trade.closeReason = reason
    this.onEvent({ kind: 'closed', trade, notifyUrl })
  }

  private repeatCreate(existing: Trade, fingerprint: string): Trade {
    if (existing.status === 'TRADE_SUCCESS' || existing.status === 'TRADE_FINISHED') {
      throw business('ACQ.TRADE_HAS_SUCCESS', '交易已被支付')
    }
    if (existing.status === 'TRADE_CLOSED') throw business('ACQ.TRADE_HAS_CLOSE', '交易已经关闭')
    if (existing.fingerprint !== fingerprint) {
      throw business('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改')
    }
    return existing
  }

  private expiryOf(biz: TradeCreateBiz, now: number): number {
    if (biz.time_expire !== undefined) {
      const at = parseAlipayTime(biz.time_expire)
      if (at === undefined || at <= now) throw invalidParameter('time_expire 无效')
      return at
    }
    if (biz.timeout_express !== undefined) {
      const ms = timeoutExpressMs(biz.timeout_express, now)
      if (ms === undefined) throw invalidParameter('timeout_express 无效')
      return now + ms
    }
    return now + DEFAULT_TIMEOUT_MS
  }

  /** 28 digits like Alipay's: date, a channel part, then a sequence mixed with the seed. */
  private nextTradeNo(now: number): string {
    this.seq += 1
    const serial = String((this.seed % 100_000) * 10_000_000_000 + this.seq).padStart(15, '0')
    return `${alipayDate(now).replaceAll('-', '')}22001${serial.slice(-15)}`
  }
}
