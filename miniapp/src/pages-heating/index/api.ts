import { routes } from '@gh/shared'
import type {
  CreateHeatingComplaintRequest,
  CreateHeatingStopRequest,
  HeatingComplaint,
  HeatingComplaints,
  HeatingOverview,
  HeatingStops,
} from '@gh/shared'
import { ApiError, request } from '../../api'
import { queryClient } from '../../hooks/query-cache'

/** One function per 供暖 endpoint; the page never calls `request` itself. */

export interface HeatingData {
  overview: HeatingOverview
  stops: HeatingStops
  complaints: HeatingComplaints
}

export const heatingKey = (accountNo: string) => ['user', 'heating', accountNo] as const

/**
 * The season, 报停 / 恢复供暖 and 室温投诉 at once: the page shows all three. Null for an account
 * without district heating (a gas account chosen in the switcher).
 */
export async function loadHeating(accountNo: string): Promise<HeatingData | null> {
  const params = { params: { accountNo } }
  try {
    const [overview, stops, complaints] = await Promise.all([
      request(routes.getHeating, params),
      request(routes.listHeatingStops, params),
      request(routes.listHeatingComplaints, params),
    ])
    return { overview, stops, complaints }
  } catch (err) {
    if (err instanceof ApiError && err.code === 'NOT_HEATING_ACCOUNT') return null
    throw err
  }
}

/** A write changed the fee or a complaint: the page, the bills and the home page ask again. */
function changed<T>(accountNo: string, result: T): T {
  void queryClient.invalidateQueries({ queryKey: heatingKey(accountNo) })
  void queryClient.invalidateQueries({ queryKey: ['user', 'bills', accountNo] })
  return result
}

export const applyHeatingStop = async (
  accountNo: string,
  body: CreateHeatingStopRequest,
  idempotencyKey: string,
) =>
  changed(
    accountNo,
    await request(routes.createHeatingStop, { params: { accountNo }, body, idempotencyKey }),
  )

export const cancelHeatingStop = async (
  accountNo: string,
  applicationId: string,
  idempotencyKey: string,
) =>
  changed(
    accountNo,
    await request(routes.cancelHeatingStop, {
      params: { accountNo, applicationId },
      idempotencyKey,
    }),
  )

export const reportRoomTemperature = async (
  accountNo: string,
  body: CreateHeatingComplaintRequest,
  idempotencyKey: string,
): Promise<HeatingComplaint> =>
  changed(
    accountNo,
    await request(routes.createHeatingComplaint, { params: { accountNo }, body, idempotencyKey }),
  )
