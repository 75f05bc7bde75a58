import { routes } from '@gh/shared'
import { request } from '../../api'

/*
 * The help bar is on every page, so the phone number is fetched once per app session and shared;
 * a failed fetch is forgotten so the next tap tries again.
 */
let pending: Promise<string> | undefined

export function loadServicePhone(): Promise<string> {
  pending ??= request(routes.getAppInfo).then(
    (info) => info.servicePhone,
    (err: unknown) => {
      pending = undefined
      throw err
    },
  )
  return pending
}

/** Tests only: forget the cached number. */
export function resetServicePhone(): void {
  pending = undefined
}
