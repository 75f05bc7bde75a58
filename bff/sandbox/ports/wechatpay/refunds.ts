import type { Refund, RefundRequest } from '../../../contracts/wechatpay'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { payError } from './errors'
import type { PayIds } from './ids'
import type { PayOrder, PayOrders } from './orders'

export interface RefundRecord {
  readonly request: RefundRequest
  readonly order: PayOrder
  readonly refundId: string
  readonly createdAtMs: number
  status: 'PROCESSING' | 'SUCCESS'
  successAtMs?: number
}

/** Refunds by out_refund_no, with WeChat's rules on amounts, repeats and order state. */
export class PayRefunds {
  private readonly refunds = new Map<string, RefundRecord>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly ids: PayIds,
    private readonly orders: PayOrders,
  ) {}

  /** `balanceFen`: the merchant's available balance when the sandbox limits it (NOT_ENOUGH). */
  create(
    request: RefundRequest,
    balanceFen: number | null,
  ): { record: RefundRecord; created: boolean } {
    const order = request.out_trade_no
      ? this.orders.get(request.out_trade_no)
      : this.orders.byTransactionId(request.transaction_id ?? '')
    if (!order) throw payError(404, 'RESOURCE_NOT_EXISTS', '订单不存在')
    if (request.transaction_id && order.transactionId !== request.transaction_id) {
      throw payError(400, 'INVALID_REQUEST', 'transaction_id 与 out_trade_no 不匹配')
    }

    const existing = this.refunds.get(request.out_refund_no)
    if (existing) {
      const same =
        existing.order === order &&
        existing.request.amount.refund === request.amount.refund &&
        existing.request.amount.total === request.amount.total
      if (!same)
        throw payError(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试')
      return { record: existing, created: false }
    }

    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') {
      throw payError(400, 'INVALID_REQUEST', '订单未支付，不能发起退款')
    }
    const { refund, total } = request.amount
    if (total !== order.request.amount.total) {
      throw payError(400, 'PARAM_ERROR', 'amount.total 与订单金额不一致', {
        location: 'body',
        field: 'amount/total',
      })
    }
    if (refund > total - order.refundedFen) {
      throw payError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')
    }
    if (balanceFen !== null && refund > balanceFen) {
      throw payError(403, 'NOT_ENOUGH', '基本账户余额不足，请充值后重新发起')
    }

    const now = this.clock.nowMs()
    const record: RefundRecord = {
      request,
      order,
      refundId: this.ids.refundId(now),
      createdAtMs: now,
      status: 'PROCESSING',
    }
    order.refundedFen += refund
    order.state = 'REFUND'
    this.refunds.set(request.out_refund_no, record)
    return { record, created: true }
  }

  get(outRefundNo: string): RefundRecord | undefined {
    return this.refunds.get(outRefundNo)
  }

  all(): RefundRecord[] {
    return [...this.refunds.values()]
  }

  complete(record: RefundRecord): void {
    if (record.status === 'SUCCESS') return
    record.status = 'SUCCESS'
    record.successAtMs = this.clock.nowMs()
  }

  view(record: RefundRecord): Refund {
    const { order, request } = record
    const total = order.request.amount.total
    const refund = request.amount.refund
    return {
      refund_id: record.refundId,
      out_refund_no: request.out_refund_no,
      transaction_id: order.transactionId ?? '',
      out_trade_no: order.request.out_trade_no,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(record.successAtMs !== undefined
        ? { success_time: toShanghaiIso(record.successAtMs) }
        : {}),
      create_time: toShanghaiIso(record.createdAtMs),
      status: record.status,
      funds_account: 'AVAILABLE',
      amount: {
        total,
        refund,
        payer_total: total,
        payer_refund: refund,
        settlement_total: total,
        settlement_refund: refund,
        discount_refund: 0,
        currency: 'CNY',
        refund_fee: 0,
        from: [],
      },
      promotion_detail: [],
    }
  }
}
