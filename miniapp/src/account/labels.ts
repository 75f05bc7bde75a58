import type { AccountKind, BoundAccount } from '@gh/shared'

export const kindNames: Record<AccountKind, string> = {
  iot_prepaid: '燃气·物联网表（预付费）',
  ic_prepaid: '燃气·IC卡表（预付费）',
  postpaid_gas: '燃气（按月缴费）',
  heating: '供暖',
}

/** Suggested names, tapped instead of typed (fewer choices, no keyboard for elderly users). */
export const labelChoices = ['我家', '父母家', '出租房'] as const

/** What a resident calls an account: its label, else its kind, with the number to tell apart. */
export function accountTitle(account: BoundAccount): string {
  return account.label ?? (account.summary ? kindNames[account.summary.kind] : '户号')
}

/** Spaced in groups so it can be read and read aloud: 1000 0000 01. */
export function spacedAccountNo(accountNo: string): string {
  return `${accountNo.slice(0, 4)} ${accountNo.slice(4, 8)} ${accountNo.slice(8)}`
}
