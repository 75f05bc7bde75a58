import { randomBytes } from 'node:crypto'
import { shanghaiMs, type SandboxClock } from '../../../clock'
import { business } from '../errors'
import type { TradeStore } from '../trades'
import { alipayDate } from '../time'
import { billLines, detailCsv, summaryCsv } from './csv'
import { encodeGbk } from './gbk'
import { zip } from './zip'

interface BillFile {
  readonly fileName: string
  readonly data: Buffer
  readonly expiresAt: number
}

// Alipay's download links work for 30 seconds.
const LINK_TTL_MS = 30_000

/** Period of `yyyy-MM-dd` or `yyyy-MM`, Beijing time; undefined when it is not a date. */
function periodOf(billDate: string): { fromMs: number; toMs: number } | undefined {
  const [y, m, d] = billDate.split('-').map(Number) as [number, number, number | undefined]
  if (m < 1 || m > 12) return undefined
  if (d === undefined) return { fromMs: shanghaiMs(y, m, 1), toMs: shanghaiMs(y, m + 1, 1) }
  const fromMs = shanghaiMs(y, m, d)
  if (alipayDate(fromMs) !== billDate) return undefined
  return { fromMs, toMs: shanghaiMs(y, m, d + 1) }
}

/** Trade bills: a ZIP of two GBK CSV files (detail and summary), behind a short-lived link. */
export class BillFiles {
  private readonly files = new Map<string, BillFile>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly trades: TradeStore,
    private readonly pid: string,
  ) {}

  /** Builds the bill of a finished day or month and answers the token of its link. */
  prepare(billDate: string): string {
    const period = periodOf(billDate)
    const now = this.clock.nowMs()
    // Bills exist only for days (months) that are over.
    if (!period || period.toMs > now) throw business('isp.bill_not_exist', '账单不存在')
    const lines = billLines(
      this.trades.touchedBetween(period.fromMs, period.toMs),
      period.fromMs,
      period.toMs,
    )
    const stem = `${this.pid}_${billDate.replaceAll('-', '')}`
    const data = zip(
      [
        { name: `${stem}_业务明细.csv`, data: encodeGbk(detailCsv(this.pid, lines, period, now)) },
        { name: `${stem}_业务明细(汇总).csv`, data: encodeGbk(summaryCsv(this.pid, lines, now)) },
      ],
      new Date(now),
    )
    for (const [token, file] of this.files) if (file.expiresAt <= now) this.files.delete(token)
    const token = randomBytes(16).toString('hex')
    this.files.set(token, { fileName: `${stem}.csv.zip`, data, expiresAt: now + LINK_TTL_MS })
    return token
  }

  get(token: string): BillFile | undefined {
    const file = this.files.get(token)
    return file && file.expiresAt > this.clock.nowMs() ? file : undefined
  }
}
