import { SETTLING, AWAITING_PAYMENT } from '../payments/order-state'
import { sqlOf } from '../platform/db/sql-executor'
import { registerBusinessMetrics, type BusinessSample } from '../platform/metrics'
import type { Platform } from './platform'

/** Every state an order waits in; the final ones grow without end and are counted as moves. */
const IN_FLIGHT = [...AWAITING_PAYMENT, ...SETTLING]

/**
 * The business gauges of the instance that runs the workers: orders per unfinished state (the
 * (state, updated_at) index answers it), queue depths and open reconciliation findings.
 */
export function startBusinessMetrics({ db, queues, metrics, now }: Platform): void {
  const sql = sqlOf(db)
  const marks = IN_FLIGHT.map((_, i) => `$${i + 1}`).join(', ')
  registerBusinessMetrics(metrics, async (): Promise<BusinessSample> => {
    const [orders, findings, depths] = await Promise.all([
      sql.rows<{ state: string; n: number | string; oldest: string | Date | null }>(
        `SELECT state, COUNT(*) AS n, MIN(updated_at) AS oldest FROM payment_orders
         WHERE state IN (${marks}) GROUP BY state`,
        IN_FLIGHT,
      ),
      sql.rows<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM reconciliation_findings WHERE status = 'open'`,
      ),
      queues.depths(),
    ])
    const nowMs = now().getTime()
    const found = new Map(orders.map((row) => [row.state, row]))
    return {
      // Every unfinished state is shown, at 0 too, so an alert on it has a series to read.
      ordersInFlight: IN_FLIGHT.map((state) => {
        const row = found.get(state)
        const oldest = row?.oldest ? new Date(row.oldest).getTime() : nowMs
        return {
          state,
          count: Number(row?.n ?? 0),
          oldestSeconds: Math.max(0, Math.round((nowMs - oldest) / 1000)),
        }
      }),
      queues: depths,
      openFindings: Number(findings[0]?.n ?? 0),
    }
  })
}
