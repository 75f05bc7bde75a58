import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { encodeGbk } from '../sandbox/ports/alipay/bill/gbk'
import { zip } from '../sandbox/ports/alipay/bill/zip'
import { entities } from '../src/composition/entities'
import { openDatabase } from '../src/platform/db/data-source'
import { isDay, previousShanghaiDay } from '../src/reconciliation/day'
import { FindingStore, type Finding } from '../src/reconciliation/finding-store'
import { findingsTable } from '../src/reconciliation/report'
import { parseAlipayBillArchive, parseAlipayTradeBill } from '../src/upstream/alipay/alipay-bill'
import { parseWechatTradeBill } from '../src/upstream/wechatpay/wechatpay-bill'

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, 'reconciliation-fixtures', name))
const wechatCsv = () => fixture('wechatpay-tradebill-all.csv').toString('utf8')
const alipayCsv = () => fixture('alipay-trade-detail.csv').toString('utf8')

describe('WeChat Pay trade bill', () => {
  test('when the ALL bill has two payments and a refund, then each becomes a line in fen with its Shanghai time', () => {
    const lines = parseWechatTradeBill(wechatCsv())
    expect(lines).toEqual([
      {
        kind: 'payment',
        outTradeNo: 'GH2026112500000001',
        transactionId: '4200002718202611250000000101',
        amountFen: 5000,
        outRefundNo: null,
        at: new Date('2026-11-25T09:12:31+08:00'),
      },
      expect.objectContaining({
        kind: 'payment',
        outTradeNo: 'GH2026112500000002',
        amountFen: 12000,
      }),
      {
        kind: 'refund',
        outTradeNo: 'GH2026112400000077',
        transactionId: '4200002718202611240000000077',
        amountFen: 3000,
        outRefundNo: 'GH2026112400000077R1',
        at: new Date('2026-11-25T23:59:59+08:00'),
      },
    ])
  })

  test('when a product name holds a comma, then the columns after it are still read right', () => {
    const second = parseWechatTradeBill(wechatCsv())[1]
    expect(second).toMatchObject({
      transactionId: '4200002718202611250000000102',
      amountFen: 12000,
    })
  })

  test('when the file is cut short, then the totals line does not match and the bill is refused', () => {
    const lines = wechatCsv().split('\r\n')
    const cut = [...lines.slice(0, 2), ...lines.slice(4)].join('\r\n')
    expect(() => parseWechatTradeBill(cut)).toThrow(/totals say 3 lines, read 1/)
  })

  test('when a column the comparison needs is missing, then the bill is refused', () => {
    expect(() => parseWechatTradeBill(wechatCsv().replace('商户订单号', '订单号'))).toThrow(
      /no column 商户订单号/,
    )
  })
})

describe('Alipay trade bill', () => {
  const archive = (detail: Buffer) =>
    zip(
      [
        { name: '20881021225243330156_20261125_业务明细.csv', data: detail },
        { name: '20881021225243330156_20261125_业务明细(汇总).csv', data: encodeGbk('#汇总\r\n') },
      ],
      new Date('2026-11-26T01:05:11Z'),
    )

  test('when the ZIP of GBK files arrives, then the detail file gives a payment and a refund in positive fen', () => {
    const lines = parseAlipayBillArchive(archive(encodeGbk(alipayCsv())))
    expect(lines).toEqual([
      {
        kind: 'payment',
        outTradeNo: 'GH2026112500000003',
        transactionId: '2026112522001425501402517423',
        amountFen: 3000,
        outRefundNo: null,
        at: new Date('2026-11-25T10:01:30+08:00'),
      },
      {
        kind: 'refund',
        outTradeNo: 'GH2026112400000009',
        transactionId: '2026112422001425501402517400',
        amountFen: 2000,
        outRefundNo: 'GH2026112400000009R1',
        at: new Date('2026-11-25T11:00:00+08:00'),
      },
    ])
  })

  test('when the detail file is UTF-8 with a BOM, then it reads the same', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(alipayCsv())])
    expect(parseAlipayBillArchive(archive(utf8))).toHaveLength(2)
  })

  test('when the counts at the end disagree with the lines, then the bill is refused', () => {
    const wrong = alipayCsv().replace('退款合计：1笔', '退款合计：2笔')
    expect(() => parseAlipayTradeBill(wrong)).toThrow(/totals do not match/)
  })

  test('when the download is not a ZIP, then the bill is refused as a bad response', () => {
    expect(() => parseAlipayBillArchive(Buffer.from('<html>error</html>'))).toThrow(
      /unreadable archive/,
    )
  })
})

describe('days and the findings table', () => {
  test('when it is 09:59 in Shanghai, then the daily run takes yesterday', () => {
    expect(previousShanghaiDay(new Date('2026-11-26T09:59:00+08:00'))).toBe('2026-11-25')
    expect(previousShanghaiDay(new Date('2026-11-26T00:30:00+08:00'))).toBe('2026-11-25')
  })

  test('when a day does not exist, then it is not a day', () => {
    expect(isDay('2026-11-25')).toBe(true)
    expect(isDay('2026-02-30')).toBe(false)
    expect(isDay('2026-11-25T00:00')).toBe(false)
  })

  test('when a day is reconciled twice, then each finding keeps one row, open ones first in the table', async () => {
    const db = await openDatabase({ type: 'sqlite', file: ':memory:' }, entities)
    try {
      const store = new FindingStore(db, () => new Date('2026-11-26T10:00:00+08:00'))
      const finding: Finding = {
        day: '2026-11-25',
        provider: 'wechatpay',
        outTradeNo: `GH${randomUUID().slice(0, 8)}`,
        category: 'matched',
        ourState: 'CREDITED',
        providerState: 'paid',
        ourFen: 5000,
        providerFen: 5000,
        billingFen: 5000,
        action: 'none',
        status: 'ok',
      }
      const open: Finding = {
        ...finding,
        outTradeNo: 'GH2',
        category: 'unknown_order',
        status: 'open',
      }
      await store.record(finding)
      await store.record(open)
      await store.record({ ...finding, billingFen: 4999 })
      const rows = await store.ofDay('2026-11-25')
      expect(rows).toHaveLength(2)
      const table = findingsTable('2026-11-25', rows).split('\n')
      expect(table[0]).toBe('Reconciliation 2026-11-25: 2 findings, 1 open, 0 repaired, 1 matched')
      expect(table[2]).toMatch(/^open\s+wechatpay\s+GH2\s+unknown_order/)
      expect(table[3]).toMatch(/49\.99/)
      await store.resolveAllBut('2026-11-25', 'wechatpay', new Set())
      expect((await store.ofDay('2026-11-25')).map((r) => r.status).sort()).toEqual([
        'ok',
        'resolved',
      ])
    } finally {
      await db.destroy()
    }
  })
})
