import { billFields } from '../payment-providers/bill-fields'
import type { BillLine } from '../payment-providers/payment-providers-port'

const { offContract, fenOf, instantOf } = billFields('wechatpay')

const CAPTION = '总交易单数'

/**
 * WeChat Pay's trade bill (交易账单, bill_type ALL): UTF-8 CSV, maybe with a BOM; a header line;
 * one line per payment (交易状态 SUCCESS) or refund (REFUND) whose every field starts with a
 * backtick so spreadsheets keep long numbers; then the caption 总交易单数,… and its totals line.
 * Fields are split on ",`" rather than ",", so a comma in a product name cannot shift columns.
 * The totals line's count must equal the lines read, or the file was cut short.
 */
export function parseWechatTradeBill(csv: string): BillLine[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = (lines[0] ?? '').split(',')
  const column = (name: string): number => {
    const at = header.indexOf(name)
    if (at < 0) throw offContract(`no column ${name}`)
    return at
  }
  const c = {
    at: column('交易时间'),
    transactionId: column('微信订单号'),
    outTradeNo: column('商户订单号'),
    state: column('交易状态'),
    settled: column('应结订单金额'),
    outRefundNo: column('商户退款单号'),
    refund: column('退款金额'),
    refundState: column('退款状态'),
    // 订单金额 (before coupons) is absent from older bills, which have only 应结订单金额.
    total: header.indexOf('订单金额'),
  }
  const out: BillLine[] = []
  let i = 1
  for (; i < lines.length && lines[i]?.startsWith('`'); i++) {
    const cells = (lines[i] ?? '').slice(1).split(',`')
    const cell = (at: number): string => cells[at] ?? ''
    const base = {
      outTradeNo: cell(c.outTradeNo),
      transactionId: cell(c.transactionId),
      at: instantOf(cell(c.at)),
    }
    if (cell(c.state) === 'SUCCESS') {
      const amount = c.total >= 0 ? cell(c.total) : cell(c.settled)
      out.push({ ...base, kind: 'payment', amountFen: fenOf(amount), outRefundNo: null })
    } else if (cell(c.state) === 'REFUND' && cell(c.refundState) === 'SUCCESS') {
      const refund = { amountFen: fenOf(cell(c.refund)), outRefundNo: cell(c.outRefundNo) }
      out.push({ ...base, kind: 'refund', ...refund })
    }
  }
  if (!lines[i]?.startsWith(CAPTION)) throw offContract('no totals caption')
  const count = Number((lines[i + 1] ?? '').slice(1).split(',`')[0])
  if (count !== i - 1) throw offContract(`totals say ${count} lines, read ${i - 1}`)
  return out
}
