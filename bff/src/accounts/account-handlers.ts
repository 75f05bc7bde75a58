import { maskAddress, maskName, type routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { CustomersPort } from '../upstream/customers/customers-port'

export function accountHandlers(deps: { customers: CustomersPort }): {
  getAccount: RouteHandler<typeof routes.getAccount>
} {
  return {
    getAccount: async ({ params }) => {
      const account = await deps.customers.getAccount(params.accountNo)
      if (!account) throw errors.notFound()
      return {
        accountNo: account.accountNo,
        kind: account.kind,
        status: account.status,
        holderNameMasked: maskName(account.holderName),
        addressMasked: maskAddress(account.address),
        areaCode: account.areaCode,
      }
    },
  }
}
