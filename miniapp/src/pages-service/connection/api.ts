import {
  routes,
  uploadConnectionDocument,
  type ApplyConnectionRequest,
  type ConnectionApplication,
  type Ignition,
} from '@gh/shared'
import { request, upload } from '../../api'
import { queryClient } from '../../hooks/query-cache'

/** One function per 报装 / 通气点火 endpoint; the page never calls `request` itself. */

export const connectionsKey = ['user', 'connections'] as const
export const ignitionKey = (accountNo: string) => ['user', 'ignition', accountNo] as const

export const loadConnections = async (): Promise<ConnectionApplication[]> =>
  (await request(routes.listConnections, {})).items

export const loadIgnition = (accountNo: string): Promise<Ignition> =>
  request(routes.getIgnition, { params: { accountNo } })

/** Stores a document photo in the applicant's own scope; only its id comes back. */
export async function uploadDocument(
  filePath: string,
  idempotencyKey: string,
  onProgress: (percent: number) => void,
): Promise<string> {
  const stored = await upload(uploadConnectionDocument, {
    params: {},
    filePath,
    idempotencyKey,
    onProgress,
  })
  return stored.photoId
}

export async function applyConnection(
  body: ApplyConnectionRequest,
  idempotencyKey: string,
): Promise<ConnectionApplication> {
  const created = await request(routes.applyConnection, { body, idempotencyKey })
  void queryClient.invalidateQueries({ queryKey: connectionsKey })
  return created
}

export async function bookIgnition(accountNo: string, slotId: string): Promise<Ignition> {
  const booked = await request(routes.bookIgnition, { params: { accountNo }, body: { slotId } })
  void queryClient.invalidateQueries({ queryKey: ignitionKey(accountNo) })
  void queryClient.invalidateQueries({ queryKey: connectionsKey })
  return booked
}
