import { fenToYuanString } from '@gh/shared'
import type { Trade } from '../trades'
import { alipayTime } from '../time'

/** Alipay's service fee on a mini-program payment: 0.6 %, rounded half up to the fen. */
export function serviceFeeFen(amountFen: number): number {
  return Math.floor((amountFen * 6 + 500) / 1000)
}

interface Line {
  readonly tradeNo: string
  readonly outTradeNo: string
  readonly kind: '交易' | '退款'
  readonly subject: string
  readonly createdAt: number
  readonly doneAt: number
  readonly buyer: string
  readonly orderFen: number
  readonly receivedFen: number
  readonly refundRequestNo: string
  readonly feeFen: number
}

const DETAIL_HEADER = [
  '支付宝交易号',
  '商户订单号',
  '业务类型',
  '商品名称',
  '创建时间',
  '完成时间',
  '门店编号',
  '门店名称',
  '操作员',
  '终端号',
  '对方账户',
  '订单金额（元）',
  '商家实收（元）',
  '支付宝红包（元）',
  '集分宝（元）',
  '支付宝优惠（元）',
  '商家优惠（元）',
  '券核销金额（元）',
  '券名称',
  '商家红包消费金额（元）',
  '卡消费金额（元）',
  '退款批次号/请求号',
  '服务费（元）',
  '分润（元）',
  '备注',
]

const yuan = (amountFen: number): string => fenToYuanString(amountFen)

/** The day's (or month's) lines: one per payment and one per refund within the period. */
export function billLines(trades: readonly Trade[], fromMs: number, toMs: number): Line[] {
  const lines: Line[] = []
  const within = (t: number | undefined): t is number => t !== undefined && t >= fromMs && t < toMs
  for (const trade of trades) {
    const buyer = trade.buyerId ?? trade.buyerOpenId ?? ''
    if (within(trade.paidAt)) {
      lines.push({
        tradeNo: trade.tradeNo,
        outTradeNo: trade.outTradeNo,
        kind: '交易',
        subject: trade.subject,
        createdAt: trade.createdAt,
        doneAt: trade.paidAt,
        buyer,
        orderFen: trade.totalFen,
        receivedFen: trade.totalFen,
        refundRequestNo: '',
        feeFen: -serviceFeeFen(trade.totalFen),
      })
    }
    for (const refund of trade.refunds) {
      if (!within(refund.at)) continue
      lines.push({
        tradeNo: trade.tradeNo,
        outTradeNo: trade.outTradeNo,
        kind: '退款',
        subject: trade.subject,
        createdAt: trade.createdAt,
        doneAt: refund.at,
        buyer,
        orderFen: -refund.amountFen,
        receivedFen: -refund.amountFen,
        refundRequestNo: refund.outRequestNo,
        feeFen: serviceFeeFen(refund.amountFen),
      })
    }
  }
  return lines.sort((a, b) => a.doneAt - b.doneAt)
}

// Real bills end every field with a tab so spreadsheet programs keep long numbers as text.
const row = (fields: readonly string[]): string => fields.map((f) => `${f}\t`).join(',')

export function detailCsv(
  pid: string,
  lines: readonly Line[],
  period: { fromMs: number; toMs: number },
  exportedAt: number,
): string {
  const trades = lines.filter((l) => l.kind === '交易').length
  const body = lines.map((l) =>
    row([
      l.tradeNo,
      l.outTradeNo,
      l.kind,
      l.subject,
      alipayTime(l.createdAt),
      alipayTime(l.doneAt),
      '',
      '',
      '',
      '',
      l.buyer,
      yuan(l.orderFen),
      yuan(l.receivedFen),
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '',
      '0.00',
      '0.00',
      l.refundRequestNo,
      yuan(l.feeFen),
      '0.00',
      '',
    ]),
  )
  return [
    '#支付宝业务明细查询',
    `#账号：[${pid}0156]`,
    `#起始日期：[${alipayTime(period.fromMs)}]   终止日期：[${alipayTime(period.toMs)}]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    DETAIL_HEADER.join(','),
    ...body,
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${trades}笔，退款合计：${lines.length - trades}笔`,
    `#导出时间：[${alipayTime(exportedAt)}]`,
  ].join('\r\n')
}

export function summaryCsv(pid: string, lines: readonly Line[], exportedAt: number): string {
  const trades = lines.filter((l) => l.kind === '交易')
  const sum = (pick: (l: Line) => number): number => lines.reduce((s, l) => s + pick(l), 0)
  const received = sum((l) => l.receivedFen)
  const fee = sum((l) => l.feeFen)
  return [
    '#支付宝业务汇总查询',
    `#账号：[${pid}0156]`,
    '#-----------------------------------------业务汇总列表----------------------------------------',
    '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）',
    row([
      '',
      '合计',
      String(trades.length),
      String(lines.length - trades.length),
      yuan(sum((l) => l.orderFen)),
      yuan(received),
      '0.00',
      '0.00',
      '0.00',
      yuan(fee),
      '0.00',
      yuan(received + fee),
    ]),
    '#-----------------------------------------业务汇总列表结束------------------------------------',
    `#导出时间：[${alipayTime(exportedAt)}]`,
  ].join('\r\n')
}
