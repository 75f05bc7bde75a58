import { routes } from '@gh/shared'
import type { InspectionAction, Inspections } from '@gh/shared'
import { request } from '../../api'
import { queryClient } from '../../hooks/query-cache'

/** One function per 入户安检 endpoint; the page never calls `request` itself. */

export const inspectionsKey = (accountNo: string) => ['user', 'inspections', accountNo] as const

export const loadInspections = (accountNo: string): Promise<Inspections> =>
  request(routes.getInspections, { params: { accountNo } })

/**
 * Books, moves or cancels; the answer is the page as it is after. Gas may be back on, so the
 * home page and the account ask again too.
 */
export async function changeInspection(
  accountNo: string,
  body: InspectionAction,
  idempotencyKey: string,
): Promise<Inspections> {
  const after = await request(routes.changeInspection, {
    params: { accountNo },
    body,
    idempotencyKey,
  })
  queryClient.setQueryData(inspectionsKey(accountNo), after)
  return after
}
