import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import { ChangeParams, ChangeRequest } from '../../../contracts/customers-changes'
import {
  AccountPathParams,
  FindByPhoneRequest,
  VerifyHolderRequest,
  type CustomerAccount,
  type FindByPhoneResponse,
  type VerifyHolderResponse,
} from '../../../contracts/customers'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import type { ChangeDesk } from './changes'
import { ChangeDecision } from './dev-schemas'
import type { AccountDirectory } from './directory'
import { holderMatches } from './holder-match'

export interface CustomersState {
  readonly directory: AccountDirectory
  /** 过户 / 销户 / 信息变更 requests. */
  readonly changes: ChangeDesk
  /** The developer endpoint that decides a change request now (never in production). */
  readonly devEndpoints: boolean
}

function findAccount(state: CustomersState, params: unknown): CustomerAccount {
  const { accountNo } = parseOr400(AccountPathParams, params)
  const account = state.directory.get(accountNo)
  if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
  return account
}

/** The CIS, as described by bff/contracts/customers.ts. */
export function customersRouter(state: CustomersState): Router {
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/customers/v1/accounts/:accountNo', (ctx) => {
    ctx.body = findAccount(state, ctx.params) satisfies CustomerAccount
  })

  router.post('/customers/v1/accounts/search-by-phone', (ctx) => {
    const { phone } = parseOr400(FindByPhoneRequest, ctx.request.body)
    ctx.body = { items: state.directory.byPhone(phone, 20) } satisfies FindByPhoneResponse
  })

  router.post('/customers/v1/accounts/:accountNo/verify-holder', (ctx) => {
    const account = findAccount(state, ctx.params)
    const proof = parseOr400(VerifyHolderRequest, ctx.request.body)
    // A closed account binds nobody, whatever the proof.
    const match = !account.closedAt && holderMatches(account, proof)
    ctx.body = { match } satisfies VerifyHolderResponse
  })

  router.post('/customers/v1/accounts/:accountNo/changes', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    const request = parseOr400(ChangeRequest, ctx.request.body)
    const { record, created } = state.changes.submit(accountNo, request)
    ctx.status = created ? 201 : 200
    ctx.body = record
  })

  router.get('/customers/v1/accounts/:accountNo/changes', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    ctx.body = state.changes.list(accountNo)
  })

  router.get('/customers/v1/accounts/:accountNo/changes/:changeId', (ctx) => {
    const { accountNo, changeId } = parseOr400(ChangeParams, ctx.params)
    ctx.body = state.changes.get(accountNo, changeId)
  })

  if (state.devEndpoints) {
    // Outside the contract: a clerk's decision, for demos and tests that cannot wait a day.
    router.post('/sandbox/customers/changes/:changeId/decision', (ctx) => {
      const changeId = String(ctx.params.changeId)
      const decision = parseOr400(ChangeDecision, ctx.request.body)
      ctx.body = state.changes.decide(changeId, decision.approve, decision.reason ?? null)
    })
  }

  return router
}
