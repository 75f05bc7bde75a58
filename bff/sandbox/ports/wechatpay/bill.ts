import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { shanghaiMs, toShanghaiIso, type SandboxClock } from '../../clock'
import { randomToken } from '../../keys'
import { payError } from './errors'
import type { PayOrder } from './orders'
import type { RefundRecord } from './refunds'

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,' +
  '交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,' +
  '充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注'
const CAPTION =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额'
const FEE_PER_MILLE = 6
const DAY_MS = 86_400_000
const TOKEN_TTL_MS = 30_000

export type BillType = 'ALL' | 'SUCCESS' | 'REFUND'

/** Yuan with `decimals` places from integer fen, without floating point. */
function yuan(fen: number, decimals = 2): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${Math.floor(abs / 100)}.${cents}${'0'.repeat(decimals - 2)}`
}

const feeOf = (fen: number): number => Math.round((fen * FEE_PER_MILLE) / 1000)
const wallClock = (ms: number): string => toShanghaiIso(ms).slice(0, 19).replace('T', ' ')

interface Row {
  atMs: number
  cells: string[]
  settle: number
  refund: number
  fee: number
  order: number
  applied: number
}

function paymentRow(o: PayOrder): Row {
  const { request: r } = o
  const total = r.amount.total
  const fee = feeOf(total)
  const at = o.successAtMs ?? 0
  const cells = [wallClock(at), r.appid, r.mchid, '0', '', o.transactionId ?? '', r.out_trade_no]
  cells.push(r.payer.openid, 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', yuan(total), '0.00', '0', '0')
  cells.push('0.00', '0.00', '', '', r.description, r.attach ?? '', yuan(fee, 5), '0.60%')
  cells.push(yuan(total), '0.00', '')
  return { atMs: at, cells, settle: total, refund: 0, fee, order: total, applied: 0 }
}

function refundRow(f: RefundRecord): Row {
  const { request: r } = f.order
  const refund = f.request.amount.refund
  const fee = -feeOf(refund)
  const at = f.successAtMs ?? 0
  const cells = [wallClock(at), r.appid, r.mchid, '0', '', f.order.transactionId ?? '']
  cells.push(r.out_trade_no, r.payer.openid, 'JSAPI', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00')
  cells.push(f.refundId, f.request.out_refund_no, yuan(refund), '0.00', 'ORIGINAL', 'SUCCESS')
  cells.push(r.description, r.attach ?? '', yuan(fee, 5), '0.60%', '0.00', yuan(refund), '')
  return { atMs: at, cells, settle: 0, refund, fee, order: 0, applied: refund }
}

/**
 * The trade bill of one Shanghai day in WeChat's CSV: UTF-8 with BOM, CRLF, a header, one row per
 * payment or refund with every field prefixed by a backtick, then a caption and a summary line.
 * undefined when the day has no trade (WeChat answers NO_STATEMENT_EXIST).
 */
export function tradeBillCsv(
  billDate: string,
  type: BillType,
  orders: readonly PayOrder[],
  refunds: readonly RefundRecord[],
): Buffer | undefined {
  const [y, m, d] = billDate.split('-').map(Number)
  const start = shanghaiMs(y ?? 0, m ?? 0, d ?? 0)
  const inDay = (ms: number | undefined) => ms !== undefined && ms >= start && ms < start + DAY_MS
  const rows = [
    ...(type === 'REFUND' ? [] : orders.filter((o) => inDay(o.successAtMs)).map(paymentRow)),
    ...(type === 'SUCCESS' ? [] : refunds.filter((f) => inDay(f.successAtMs)).map(refundRow)),
  ].sort((a, b) => a.atMs - b.atMs)
  if (rows.length === 0) return undefined
  const sum = (key: 'settle' | 'refund' | 'fee' | 'order' | 'applied') =>
    rows.reduce((total, row) => total + row[key], 0)
  const summary = [String(rows.length), yuan(sum('settle')), yuan(sum('refund')), '0.00']
  summary.push(yuan(sum('fee'), 5), yuan(sum('order')), yuan(sum('applied')))
  const backticked = (cells: string[]) => cells.map((c) => `\`${c}`).join(',')
  const lines = [HEADER, ...rows.map((r) => backticked(r.cells)), CAPTION, backticked(summary)]
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)])
}

/** Bill availability (by sandbox time) and short-lived download tokens (by real time). */
export class BillDesk {
  private readonly files = new Map<string, { bytes: Buffer; expiresAtMs: number }>()

  constructor(private readonly clock: SandboxClock) {}

  prepare(
    billDate: string,
    build: () => Buffer | undefined,
    gzip: boolean,
  ): { token: string; sha1: string } {
    const now = this.clock.nowMs()
    const today = toShanghaiIso(now).slice(0, 10)
    const [y, m, d] = billDate.split('-').map(Number)
    const dayStart = shanghaiMs(y ?? 0, m ?? 0, d ?? 0)
    if (billDate >= today)
      throw payError(400, 'PARAM_ERROR', '账单日期不合法，只能下载今天以前的账单')
    if (now - dayStart > 92 * DAY_MS)
      throw payError(400, 'PARAM_ERROR', '仅支持下载三个月以内的账单')
    const csv = build()
    // Bills are generated from 09:00 the next day; WeChat advises fetching after 10:00.
    if (now < dayStart + DAY_MS + 10 * 3_600_000) {
      throw csv
        ? payError(400, 'STATEMENT_CREATING', '账单生成中，请在上午十点以后再下载')
        : payError(400, 'NO_STATEMENT_EXIST', '账单文件不存在')
    }
    if (!csv) throw payError(400, 'NO_STATEMENT_EXIST', '账单文件不存在')
    const bytes = gzip ? gzipSync(csv) : csv
    for (const [t, f] of this.files) if (f.expiresAtMs <= Date.now()) this.files.delete(t)
    const token = randomToken(
      64,
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
    )
    this.files.set(token, { bytes, expiresAtMs: Date.now() + TOKEN_TTL_MS })
    return { token, sha1: createHash('sha1').update(bytes).digest('hex') }
  }

  download(token: string): Buffer {
    const file = this.files.get(token)
    if (!file || file.expiresAtMs <= Date.now()) {
      throw payError(400, 'INVALID_REQUEST', '下载链接已失效，请重新获取下载地址')
    }
    return file.bytes
  }
}
