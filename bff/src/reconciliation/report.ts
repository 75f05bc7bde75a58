import { fenToYuanString } from '@gh/shared'
import type { ReconciliationFindingRow } from './finding-entity'

const STATUS_ORDER = ['open', 'repaired', 'resolved', 'ok']

/** Open first (what a person must do), then what was repaired, then the rest. */
export function sortFindings(
  rows: readonly ReconciliationFindingRow[],
): ReconciliationFindingRow[] {
  const rank = (r: ReconciliationFindingRow) => STATUS_ORDER.indexOf(r.status)
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.provider.localeCompare(b.provider) ||
      a.category.localeCompare(b.category) ||
      a.outTradeNo.localeCompare(b.outTradeNo),
  )
}

const yuan = (fen: number | null) => (fen === null ? '-' : fenToYuanString(fen))

const COLUMNS = [
  'status',
  'provider',
  'out_trade_no',
  'category',
  'ours',
  'provider_state',
  'ours_yuan',
  'provider_yuan',
  'billing_yuan',
  'action',
] as const

/** The day's findings as a fixed-width text table, for the operator's terminal. */
export function findingsTable(day: string, rows: readonly ReconciliationFindingRow[]): string {
  const cells = sortFindings(rows).map((r) => [
    r.status,
    r.provider,
    r.outTradeNo,
    r.category,
    r.ourState ?? '-',
    r.providerState ?? '-',
    yuan(r.ourFen),
    yuan(r.providerFen),
    yuan(r.billingFen),
    r.action,
  ])
  const table = [[...COLUMNS], ...cells]
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)))
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  const count = (status: string) => rows.filter((r) => r.status === status).length
  return [
    `Reconciliation ${day}: ${rows.length} findings, ${count('open')} open, ` +
      `${count('repaired')} repaired, ${count('ok')} matched`,
    line(table[0] ?? []),
    ...cells.map(line),
  ].join('\n')
}
