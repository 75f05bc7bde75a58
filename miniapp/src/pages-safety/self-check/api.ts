import { routes } from '@gh/shared'
import type { SelfCheck, SelfCheckAnswers } from '@gh/shared'
import { request } from '../../api'
import { queryClient } from '../../hooks/query-cache'

/** One function per 安全自查 endpoint; the page never calls `request` itself. */

export const selfCheckKey = (accountNo: string) => ['user', 'self-check', accountNo] as const

export const loadSelfCheck = (accountNo: string): Promise<SelfCheck> =>
  request(routes.getSelfCheck, { params: { accountNo } })

/** Saves the answers; the page shows what the BFF made of them (risks, service lives) at once. */
export async function saveSelfCheck(
  accountNo: string,
  body: SelfCheckAnswers,
  idempotencyKey: string,
): Promise<SelfCheck> {
  const saved = await request(routes.saveSelfCheck, {
    params: { accountNo },
    body,
    idempotencyKey,
  })
  queryClient.setQueryData(selfCheckKey(accountNo), saved)
  return saved
}
