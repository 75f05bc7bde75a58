import type { routes } from '@gh/shared'
import { clientIp } from '../auth/client-ip'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { CustomersPort } from '../upstream/customers/customers-port'
import { toAccountSummary } from './account-summary'
import type { BindingService } from './binding-service'

type R = typeof routes

export function accountHandlers(deps: { customers: CustomersPort; bindings: BindingService }): {
  getAccount: RouteHandler<R['getAccount']>
  listAccounts: RouteHandler<R['listAccounts']>
  bindAccount: RouteHandler<R['bindAccount']>
  updateBinding: RouteHandler<R['updateBinding']>
  unbindAccount: RouteHandler<R['unbindAccount']>
} {
  const { customers, bindings } = deps
  return {
    getAccount: async ({ params }) => {
      const account = await customers.getAccount(params.accountNo)
      if (!account) throw errors.notFound()
      return toAccountSummary(account)
    },
    listAccounts: async ({ user, log }) => ({ accounts: await bindings.list(user.userId, log) }),
    bindAccount: ({ user, body, log }) => bindings.bind(user.userId, body, clientIp(), log),
    updateBinding: ({ user, params, body, log }) =>
      bindings.update(user.userId, params.accountNo, body, log),
    unbindAccount: async ({ user, params }) => {
      await bindings.unbind(user.userId, params.accountNo)
      return { unbound: true as const }
    },
  }
}
