import type { AccountKind, AccountStatus, CustomerAccount } from '../../contracts/customers'
import type { AccountDirectory } from '../ports/customers/directory'
import type { AccountListing, AccountsPage } from './schemas'

const kindLabel: Record<AccountKind, string> = {
  iot_prepaid: '物联网表预付费',
  ic_prepaid: 'IC卡表预付费',
  postpaid_gas: '后付费燃气',
  heating: '集中供热',
}

const statusLabel: Record<AccountStatus, string> = {
  active: '正常',
  arrears: '欠费',
  suspended: '停用',
}

function listing(account: CustomerAccount, description: string): AccountListing {
  return {
    accountNo: account.accountNo,
    holderName: account.holderName,
    phoneLast4: account.phone.slice(-4),
    kind: account.kind,
    status: account.status,
    careTags: account.careTags,
    description,
  }
}

function describe(account: CustomerAccount): string {
  const parts = [kindLabel[account.kind], statusLabel[account.status]]
  if (account.careTags.includes('living_alone')) parts.push('独居老人')
  else if (account.careTags.includes('elderly')) parts.push('老年用户')
  if (account.address.building === null) parts.push('农村')
  return `${parts.join('·')}（${account.address.district}${account.address.community}）`
}

/** Every persona and one page of generated accounts, each with its binding proof. */
export function listAccounts(
  directory: AccountDirectory,
  page: number,
  pageSize: number,
): AccountsPage {
  const items = directory.generated((page - 1) * pageSize, pageSize)
  return {
    seed: directory.seed,
    personas: directory.personas.map((p) => listing(p.account, p.description)),
    generated: {
      total: directory.generatedCount,
      page,
      pageSize,
      items: items.map((a) => listing(a, describe(a))),
    },
  }
}
