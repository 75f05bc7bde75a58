import {
  createRepair as createRepairRoute,
  getRepair as getRepairRoute,
  getRepairOptions as getRepairOptionsRoute,
  listRepairs as listRepairsRoute,
  rateRepair as rateRepairRoute,
  reopenRepair as reopenRepairRoute,
  urgeRepair as urgeRepairRoute,
} from '@gh/shared'
import type { CreateRepairRequest, RateRepairRequest, Repair, RepairOptions } from '@gh/shared'
import { request } from '../api'
import { queryClient } from '../hooks/query-cache'

/** One function per 报修 endpoint; the pages never call `request` themselves. */

export const getRepairOptions = (accountNo: string): Promise<RepairOptions> =>
  request(getRepairOptionsRoute, { params: { accountNo } })

export async function listRepairs(accountNo: string): Promise<Repair[]> {
  return (await request(listRepairsRoute, { params: { accountNo } })).repairs
}

export const getRepair = (accountNo: string, repairNo: string): Promise<Repair> =>
  request(getRepairRoute, { params: { accountNo, repairNo } })

/** What the query cache calls a repair and the account's list, so a change shows everywhere. */
export const repairKeys = {
  list: (accountNo: string) => ['user', 'repairs', accountNo] as const,
  one: (accountNo: string, repairNo: string) => ['user', 'repair', accountNo, repairNo] as const,
}

/** A write answered the repair as it is now: show it at once, and ask for the list again. */
function changed(repair: Repair): Repair {
  queryClient.setQueryData(repairKeys.one(repair.accountNo, repair.repairNo), repair)
  void queryClient.invalidateQueries({ queryKey: repairKeys.list(repair.accountNo) })
  return repair
}

export const createRepair = async (
  accountNo: string,
  body: CreateRepairRequest,
  idempotencyKey: string,
): Promise<Repair> =>
  changed(await request(createRepairRoute, { params: { accountNo }, body, idempotencyKey }))

export const urgeRepair = async (repair: Repair, idempotencyKey: string): Promise<Repair> =>
  changed(
    await request(urgeRepairRoute, {
      params: { accountNo: repair.accountNo, repairNo: repair.repairNo },
      idempotencyKey,
    }),
  )

export const rateRepair = async (
  repair: Repair,
  body: RateRepairRequest,
  idempotencyKey: string,
): Promise<Repair> =>
  changed(
    await request(rateRepairRoute, {
      params: { accountNo: repair.accountNo, repairNo: repair.repairNo },
      body,
      idempotencyKey,
    }),
  )

export const reopenRepair = async (
  repair: Repair,
  reason: string,
  idempotencyKey: string,
): Promise<Repair> =>
  changed(
    await request(reopenRepairRoute, {
      params: { accountNo: repair.accountNo, repairNo: repair.repairNo },
      body: { reason },
      idempotencyKey,
    }),
  )
