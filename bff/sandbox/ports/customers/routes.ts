import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  AccountPathParams,
  VerifyHolderRequest,
  type CustomerAccount,
  type VerifyHolderResponse,
} from '../../../contracts/customers'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import type { AccountDirectory } from './directory'
import { holderMatches } from './holder-match'

export interface CustomersState {
  readonly directory: AccountDirectory
}

function findAccount(state: CustomersState, params: unknown): CustomerAccount {
  const { accountNo } = parseOr400(AccountPathParams, params)
  const account = state.directory.get(accountNo)
  if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
  return account
}

/** The CIS, as described by bff/contracts/customers.ts. */
export function customersRouter(state: CustomersState): Router {
  const router = new Router({ prefix: '/customers/v1' })
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/accounts/:accountNo', (ctx) => {
    ctx.body = findAccount(state, ctx.params) satisfies CustomerAccount
  })

  router.post('/accounts/:accountNo/verify-holder', (ctx) => {
    const account = findAccount(state, ctx.params)
    const proof = parseOr400(VerifyHolderRequest, ctx.request.body)
    ctx.body = { match: holderMatches(account, proof) } satisfies VerifyHolderResponse
  })

  return router
}
