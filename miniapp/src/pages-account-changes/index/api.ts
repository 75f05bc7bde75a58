import { routes } from '@gh/shared'
import type { AccountChange, AccountChanges, CreateAccountChangeRequest } from '@gh/shared'
import { request } from '../../api'
import { queryClient } from '../../hooks/query-cache'

/** One function per 过户 / 销户 / 信息变更 endpoint; the page never calls `request` itself. */

export const changesKey = (accountNo: string) => ['user', 'account-changes', accountNo] as const

export const loadChanges = (accountNo: string): Promise<AccountChanges> =>
  request(routes.listAccountChanges, { params: { accountNo } })

export async function submitChange(
  accountNo: string,
  body: CreateAccountChangeRequest,
  idempotencyKey: string,
): Promise<AccountChange> {
  const change = await request(routes.createAccountChange, {
    params: { accountNo },
    body,
    idempotencyKey,
  })
  void queryClient.invalidateQueries({ queryKey: changesKey(accountNo) })
  return change
}
