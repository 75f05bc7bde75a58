import type { routes } from '@gh/shared'
import type { RouteHandler } from '../platform/http/routes'
import type { BillService } from './bill-service'

type R = typeof routes

export function billHandlers(deps: { bills: BillService }): {
  listBills: RouteHandler<R['listBills']>
  getBill: RouteHandler<R['getBill']>
} {
  const { bills } = deps
  return {
    listBills: ({ params }) => bills.list(params.accountNo),
    getBill: ({ params }) => bills.get(params.accountNo, params.billId),
  }
}
