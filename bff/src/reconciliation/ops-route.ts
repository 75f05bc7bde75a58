import type Router from '@koa/router'
import { errors } from '../platform/app-error'
import { requireOpsToken } from '../platform/http/ops-auth'
import type { AppState } from '../platform/http/request-context'
import { toShanghaiIso } from '../platform/time'
import { isDay } from './day'
import type { FindingStore } from './finding-store'
import { sortFindings } from './report'

const OPS_RECONCILIATION_PATH = '/ops/reconciliation'

/**
 * The operator's read of a day's findings. Outside /api/v1 and the resident route catalogue
 * (so not in the residents' OpenAPI document), and only mounted when OPS_TOKEN is set.
 */
export function mountReconciliationOps(
  router: Router<AppState>,
  findings: FindingStore,
  opsToken: string,
): void {
  router.get(OPS_RECONCILIATION_PATH, async (ctx) => {
    ctx.state.routeTemplate = OPS_RECONCILIATION_PATH
    requireOpsToken(ctx, opsToken)
    const day = typeof ctx.query.day === 'string' ? ctx.query.day : ''
    if (!isDay(day)) throw errors.validation('日期格式应为 YYYY-MM-DD')
    const rows = sortFindings(await findings.ofDay(day))
    const count = (status: string) => rows.filter((r) => r.status === status).length
    ctx.set('cache-control', 'no-store')
    ctx.body = {
      day,
      summary: {
        total: rows.length,
        open: count('open'),
        repaired: count('repaired'),
        resolved: count('resolved'),
        ok: count('ok'),
      },
      findings: rows.map((r) => ({
        provider: r.provider,
        outTradeNo: r.outTradeNo,
        category: r.category,
        ourState: r.ourState,
        providerState: r.providerState,
        ourFen: r.ourFen,
        providerFen: r.providerFen,
        billingFen: r.billingFen,
        action: r.action,
        status: r.status,
        createdAt: toShanghaiIso(r.createdAt),
        updatedAt: toShanghaiIso(r.updatedAt),
      })),
    }
  })
}
