import { act, render, screen } from '@testing-library/react'
import { routes } from '@gh/shared'
import type { BoundAccount, RouteSpec } from '@gh/shared'
import { request } from '../api'
import { ApiError } from '../api/api-error'
import { tokenStore } from '../auth/session'
import { unbindAccount } from '../pages/accounts/api'
import { bindAccount } from '../pages/bind/api'
import { AccountPageShell } from './account-page-shell'
import { useCurrentAccount } from './current-account'
import { currentAccountStore } from './current-account-store'

jest.mock('../api', () => ({
  ...jest.requireActual<object>('../api'),
  request: jest.fn(),
}))

const mine = (accountNo: string): BoundAccount => ({
  accountNo,
  label: '我家',
  isDefault: true,
  role: 'owner',
  boundAt: '2026-11-26T09:00:00+08:00',
  summary: null,
})

/** The BFF as far as these pages need it: the resident's accounts, binding and unbinding. */
let bound: BoundAccount[] = []
jest.mocked(request).mockImplementation((async (spec: RouteSpec, args?: { body?: object }) => {
  if (!tokenStore.get()) throw new ApiError({ code: 'UNAUTHENTICATED' })
  if (spec === routes.listAccounts) return { accounts: [...bound] }
  if (spec === routes.bindAccount) {
    const account = mine((args?.body as { accountNo: string }).accountNo)
    bound = [...bound, account]
    return account
  }
  if (spec === routes.unbindAccount) {
    bound = []
    return { unbound: true }
  }
  throw new Error(`unexpected request ${spec.id}`)
}) as typeof request)

/** 交燃气费 as a newcomer finds it: the page's body for the current account, or the prompts. */
function RechargeLike() {
  const accounts = useCurrentAccount()
  return (
    <AccountPageShell
      accounts={accounts}
      loginHint="登录并绑定户号后可以充值"
      unboundHint="绑定户号后才能充值。"
    >
      {(account) => <p>为户号 {account.accountNo} 充值</p>}
    </AccountPageShell>
  )
}

beforeEach(() => {
  bound = []
})
afterEach(() => {
  tokenStore.clear()
  currentAccountStore.clear()
})

test('when a newcomer logs in and binds from the page’s own prompt, then the page shows that account without a reload', async () => {
  render(<RechargeLike />)
  expect(screen.getByText('请先登录')).toBeTruthy()

  // The login page, opened over this one, keeps the new session.
  act(() => tokenStore.set('token-1'))
  expect(await screen.findByText('还没有绑定户号')).toBeTruthy()
  expect(screen.getByText('去绑定户号')).toBeTruthy()

  // The bind page, opened from 去绑定户号.
  await act(() => bindAccount({ accountNo: '1000000001', holderName: '王', phoneLast4: '0001' }))

  expect(await screen.findByText('为户号 1000000001 充值')).toBeTruthy()
  expect(screen.queryByText('还没有绑定户号')).toBeNull()
})

test('when the only account is unbound elsewhere, then the page goes back to the bind prompt', async () => {
  tokenStore.set('token-1')
  bound = [mine('1000000001')]
  render(<RechargeLike />)
  await screen.findByText('为户号 1000000001 充值')

  await act(() => unbindAccount('1000000001'))

  expect(await screen.findByText('还没有绑定户号')).toBeTruthy()
})

test('when the resident logs out, then the page asks to log in and shows nothing of theirs', async () => {
  tokenStore.set('token-1')
  bound = [mine('1000000001')]
  render(<RechargeLike />)
  await screen.findByText('为户号 1000000001 充值')

  act(() => tokenStore.clear())

  expect(await screen.findByText('请先登录')).toBeTruthy()
  expect(screen.queryByText(/1000000001/)).toBeNull()
})

/** 填写报修 as a resident finds it: mid-task, so neither 缴费记录 nor 管理户号 leads away. */
function ReportLike() {
  const accounts = useCurrentAccount()
  return (
    <AccountPageShell
      accounts={accounts}
      loginHint="登录并绑定户号后可以报修"
      unboundHint="绑定户号后才能报修。"
      records={false}
      manage={false}
    >
      {(account) => <p>为户号 {account.accountNo} 报修</p>}
    </AccountPageShell>
  )
}

test('when a page is about paying, then 缴费记录 and 管理户号 are offered beside its body', async () => {
  tokenStore.set('token-1')
  bound = [mine('1000000001')]
  render(<RechargeLike />)
  await screen.findByText('为户号 1000000001 充值')

  expect(screen.getByText('缴费记录')).toBeTruthy()
  expect(screen.getByText('管理户号')).toBeTruthy()
})

test('when a page leaves out the records and the account management, then only its body follows the switcher', async () => {
  tokenStore.set('token-1')
  bound = [mine('1000000001')]
  render(<ReportLike />)
  await screen.findByText('为户号 1000000001 报修')

  expect(screen.getByText('当前户号')).toBeTruthy()
  expect(screen.queryByText('缴费记录')).toBeNull()
  expect(screen.queryByText('管理户号')).toBeNull()
})
