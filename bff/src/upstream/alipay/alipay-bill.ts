import { UpstreamError } from '../../platform/upstream-client'
import { billFields } from '../payment-providers/bill-fields'
import type { BillLine } from '../payment-providers/payment-providers-port'
import { readZip } from './zip-reader'

const { offContract, fenOf, instantOf } = billFields('alipay')

/** Alipay's files are GBK; a UTF-8 file (some exports, with a BOM) is read as such. */
function decodeBillText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/**
 * Data fields end with a tab (so spreadsheets keep long numbers as text) and are split on
 * "tab, comma", so a comma in a product name cannot shift columns; the header has no tabs.
 */
const fieldsOf = (line: string): string[] =>
  (line.includes('\t') ? line.replace(/\t$/, '').split('\t,') : line.split(',')).map((f) =>
    f.trim(),
  )

/**
 * The detail file (…_业务明细.csv) of Alipay's trade bill: `#` comment lines around a header
 * and one line per 交易 (payment) or 退款 (refund), ending with `#交易合计：N笔，退款合计：M笔`,
 * whose counts must match the lines read.
 */
export function parseAlipayTradeBill(csv: string): BillLine[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/)
  const headerAt = lines.findIndex((l) => l.startsWith('支付宝交易号'))
  if (headerAt < 0) throw offContract('no header')
  const header = fieldsOf(lines[headerAt] ?? '')
  const column = (name: string): number => {
    const at = header.indexOf(name)
    if (at < 0) throw offContract(`no column ${name}`)
    return at
  }
  const c = {
    tradeNo: column('支付宝交易号'),
    outTradeNo: column('商户订单号'),
    kind: column('业务类型'),
    doneAt: column('完成时间'),
    amount: column('订单金额（元）'),
    refundNo: column('退款批次号/请求号'),
  }
  const out: BillLine[] = []
  const counted = { 交易: 0, 退款: 0 }
  for (const line of lines.slice(headerAt + 1)) {
    if (line.startsWith('#') || line.trim() === '') continue
    const cells = fieldsOf(line)
    const cell = (at: number): string => cells[at] ?? ''
    const kind = cell(c.kind)
    if (kind !== '交易' && kind !== '退款') continue
    counted[kind]++
    out.push({
      kind: kind === '交易' ? 'payment' : 'refund',
      outTradeNo: cell(c.outTradeNo),
      transactionId: cell(c.tradeNo),
      amountFen: fenOf(cell(c.amount)),
      outRefundNo: kind === '退款' ? cell(c.refundNo) : null,
      at: instantOf(cell(c.doneAt)),
    })
  }
  const totals = /#交易合计：(\d+)笔，退款合计：(\d+)笔/.exec(csv)
  if (!totals || Number(totals[1]) !== counted.交易 || Number(totals[2]) !== counted.退款) {
    throw offContract('totals do not match the lines')
  }
  return out
}

/** The bill archive: a ZIP whose detail file is the one not named …(汇总).csv. */
export function parseAlipayBillArchive(archive: Buffer): BillLine[] {
  let files
  try {
    files = readZip(archive)
  } catch (err) {
    const why = 'trade bill: unreadable archive'
    throw new UpstreamError('alipay', 'bad_response', why, undefined, undefined, { cause: err })
  }
  const detail = files.find((f) => f.name.endsWith('.csv') && !f.name.includes('汇总'))
  if (!detail) throw offContract('no detail file in the archive')
  return parseAlipayTradeBill(decodeBillText(detail.data))
}
