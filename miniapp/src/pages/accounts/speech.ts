import type { BoundAccount } from '@gh/shared'
import { accountTitle, kindNames } from '../../account/labels'
import type { QueryState } from '../../hooks/use-query'
import {
  LOG_IN_FIRST,
  speakAccountNo,
  speakAddress,
  speakCount,
  speakShownText,
} from '../../voice/spoken-text'

/*
 * What 朗读 says on 我的户号: each card as it is shown, in words, and the next step. The holder
 * and the address are read as masked as they are shown (户主王某, …某栋某单元某室).
 */

export interface AccountFacts {
  title: string
  accountNo: string
  current: boolean
  isDefault: boolean
  /** Joined through a family member's invite. */
  familyShared: boolean
  /** The card's kind line ('燃气·物联网表（预付费）'); absent when the details did not load. */
  kindName?: string
  holderNameMasked?: string
  addressMasked?: string
}

function accountSentence(a: AccountFacts): string {
  const badges = [
    a.current ? '当前户号' : '',
    a.isDefault ? '默认' : '',
    a.familyShared ? '家人共享' : '',
  ].filter(Boolean)
  const parts = [a.title, speakAccountNo(a.accountNo), ...badges]
  if (a.kindName) parts.push(a.kindName)
  if (a.holderNameMasked) parts.push(`户主${speakShownText(a.holderNameMasked)}`)
  if (a.addressMasked) parts.push(`地址${speakAddress(a.addressMasked)}`)
  if (!a.kindName) parts.push('户号详情暂时无法显示')
  return `${parts.join('，')}。`
}

/** 我的户号: how many, which is current, each card (masked), and what can be done. */
export function accountsSpeech(facts: {
  loggedIn: boolean
  accounts?: readonly AccountFacts[]
}): string {
  const head = '我的户号。'
  if (!facts.loggedIn) return `${head}登录后可以绑定和管理户号。${LOG_IN_FIRST}`
  const { accounts } = facts
  if (!accounts) return `${head}户号列表还没有加载出来，请稍后再点朗读。`
  if (accounts.length === 0) {
    return (
      `${head}还没有绑定户号，绑定后可以交费、查账单和报修。` +
      '下一步：点“绑定新户号”，或点“用家人的邀请码添加”。'
    )
  }
  const current = accounts.find((a) => a.current)
  return [
    head,
    `共${speakCount(accounts.length)}个户号`,
    current ? `，当前户号：${current.title}。` : '。',
    ...accounts.map(accountSentence),
    accounts.length > 1 ? '点“切换到此户号”可以换成别的户号；' : '',
    '点“绑定新户号”可以再添加一个。',
  ].join('')
}

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
