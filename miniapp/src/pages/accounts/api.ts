import { routes } from '@gh/shared'
import { changesBindings } from '../../account/api'
import { request } from '../../api'

/** One function per endpoint of 户号管理. */

export const updateBinding = (
  accountNo: string,
  body: { label?: string | null; isDefault?: true },
) => changesBindings(request(routes.updateBinding, { params: { accountNo }, body }))

export const unbindAccount = (accountNo: string) =>
  changesBindings(request(routes.unbindAccount, { params: { accountNo } }))
