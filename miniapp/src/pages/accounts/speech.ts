import type { BoundAccount } from '@gh/shared'
import { accountTitle, kindNames } from '../../../account/labels'
import type { QueryState } from '../../../hooks/use-query'
import { accountsSpeech } from '../../../voice'
import type { AccountFacts } from '../../../voice'

/** A card of 我的户号 as 朗读 reads it: the same title, badges and masked lines it shows. */
export function accountFacts(account: BoundAccount, currentNo: string | undefined): AccountFacts {
  const { summary } = account
  return {
    title: accountTitle(account),
    accountNo: account.accountNo,
    current: account.accountNo === currentNo,
    isDefault: account.isDefault,
    familyShared: account.role === 'family',
    ...(summary
      ? {
          kindName: kindNames[summary.kind],
          holderNameMasked: summary.holderNameMasked,
          addressMasked: summary.addressMasked,
        }
      : {}),
  }
}

/** What 朗读 says on 我的户号 as the page stands. */
export function accountsPageSpeech(
  loggedIn: boolean,
  state: QueryState<BoundAccount[]>,
  currentNo: string | undefined,
): string {
  return accountsSpeech({
    loggedIn,
    ...(state.status === 'success'
      ? { accounts: state.data.map((a) => accountFacts(a, currentNo)) }
      : {}),
  })
}
