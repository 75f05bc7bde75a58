import { getRepairPhoto, uploadRepairPhoto } from '@gh/shared'
import type { RepairPhotoSize } from '@gh/shared'
import { download, upload } from '../../api'

/** Stores one photo for the account's next report; answers its id. */
export async function uploadPhoto(
  accountNo: string,
  filePath: string,
  idempotencyKey: string,
  onProgress: (percent: number) => void,
): Promise<string> {
  const photo = await upload(uploadRepairPhoto, {
    params: { accountNo },
    filePath,
    idempotencyKey,
    onProgress,
  })
  return photo.photoId
}

/*
 * A photo is only shown to the account's users, so it is fetched with the session; each one is
 * fetched once per app session (a failure is forgotten, so the next showing tries again).
 */
const fetched = new Map<string, Promise<string>>()

export function photoFile(
  accountNo: string,
  photoId: string,
  size: RepairPhotoSize,
): Promise<string> {
  const id = `${accountNo}/${photoId}/${size}`
  let file = fetched.get(id)
  if (!file) {
    file = download(getRepairPhoto, { params: { accountNo, photoId }, query: { size } })
    file.catch(() => fetched.delete(id))
    fetched.set(id, file)
  }
  return file
}
