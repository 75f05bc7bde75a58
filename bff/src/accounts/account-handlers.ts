import type { AccountSummary, routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import { reusableAnswer, type RouteHandler } from '../platform/http/routes'
import type { CustomerAccount, CustomersPort } from '../upstream/customers/customers-port'
import { toAccountSummary } from './account-summary'
import type { BindingService } from './binding-service'
import type { SmsBinding } from './sms-binding'

type R = typeof routes

export function accountHandlers(deps: {
  customers: CustomersPort
  bindings: BindingService
  smsBinding: SmsBinding
}): {
  getAccount: RouteHandler<R['getAccount']>
  listAccounts: RouteHandler<R['listAccounts']>
  bindAccount: RouteHandler<R['bindAccount']>
  sendBindingCode: RouteHandler<R['sendBindingCode']>
  bindAccountBySms: RouteHandler<R['bindAccountBySms']>
  updateBinding: RouteHandler<R['updateBinding']>
  unbindAccount: RouteHandler<R['unbindAccount']>
} {
  const { customers, bindings, smsBinding } = deps
  // Per CIS answer, which the read cache hands out unchanged while it keeps it.
  const summaries = new WeakMap<CustomerAccount, AccountSummary>()
  return {
    getAccount: async ({ params }) => {
      const account = await customers.getAccount(params.accountNo)
      if (!account) throw errors.notFound()
      let summary = summaries.get(account)
      if (!summary) {
        summary = reusableAnswer(toAccountSummary(account))
        summaries.set(account, summary)
      }
      return summary
    },
    listAccounts: async ({ user, log }) => ({ accounts: await bindings.list(user.userId, log) }),
    bindAccount: ({ user, body, log, ip }) => bindings.bind(user.userId, body, ip, log),
    sendBindingCode: ({ user, body, log }) => smsBinding.sendCode(user.userId, body.accountNo, log),
    bindAccountBySms: ({ user, body, log }) => smsBinding.bind(user.userId, body, log),
    updateBinding: ({ user, params, body, log }) =>
      bindings.update(user.userId, params.accountNo, body, log),
    unbindAccount: async ({ user, params }) => {
      await bindings.unbind(user.userId, params.accountNo)
      return { unbound: true as const }
    },
  }
}
