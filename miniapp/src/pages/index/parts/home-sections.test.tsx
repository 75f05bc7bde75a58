import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { labelInNameProblems } from '../../../a11y/label-in-name'
import { openPage } from '../../../navigation/pages'
import { aBill, aHomeDue, aHomePage } from '../../../../test/fixtures'
import { homeView } from '../home-view'
import { HeadlineCard } from './headline-card'
import { HomeCards } from './home-cards'

jest.mock('../../../navigation/pages', () => ({
  ...jest.requireActual<object>('../../../navigation/pages'),
  openPage: jest.fn(),
}))

const down = { status: 'unavailable', message: '账单信息暂时无法获取', retryable: true } as const

function renderHome(page = aHomePage(), elder = false) {
  const onRetry = jest.fn()
  const view = homeView(page)
  const { container } = render(
    <>
      <HeadlineCard
        accountNo={page.accountNo}
        headline={view.headline}
        onRetry={onRetry}
        elder={elder}
        account={{ title: '我家', number: '1000 0000 01' }}
      />
      <HomeCards
        accountNo={page.accountNo}
        cards={view.cards}
        asOf={page.generatedAt}
        onRetry={onRetry}
      />
    </>,
  )
  return { onRetry, container }
}

beforeEach(() => jest.clearAllMocks())

test('when a prepaid account shows in 长辈模式, then the days lead, the 元 and the basis follow, and 充值 opens the top-up of that account', () => {
  renderHome(aHomePage(), true)
  expect(screen.getByText('余额约可用')).toBeTruthy()
  expect(screen.getByText('余额 ¥86.50')).toBeTruthy()
  expect(screen.getByText('按近期每天的用气量估算')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '充值' }))
  expect(openPage).toHaveBeenCalledWith('/pages/recharge/index?accountNo=1000000001')
})

test('when an account is overdue, then what it owes, how late and 立即缴费 for that amount show', () => {
  const { container } = renderHome(aHomePage({ due: { status: 'ok', due: aHomeDue() } }))
  expect(screen.getByText('欠费')).toBeTruthy()
  expect(screen.getByText('⚠ 已逾期 26 天')).toBeTruthy()
  expect(screen.getByText('含滞纳金 ¥2.59，缴清后不再增加')).toBeTruthy()
  expect(screen.getByRole('button', { name: '立即缴费¥108.36' })).toBeTruthy()
  expect(labelInNameProblems(container)).toEqual([])
})

test('when billing is down, then each billing section shows its message and 重试 asks again', () => {
  const page = aHomePage({ balance: { status: 'ok', balance: null }, due: down, latestBill: down })
  const { account } = page.sections
  if (account.status === 'ok') account.account = { ...account.account, kind: 'postpaid_gas' }
  const { onRetry } = renderHome(page)
  expect(screen.getByText('欠费暂时无法显示')).toBeTruthy()
  expect(screen.getAllByText('账单信息暂时无法获取')).toHaveLength(2)
  fireEvent.click(screen.getByRole('button', { name: '重试，重新加载最新账单' }))
  fireEvent.click(screen.getByRole('button', { name: '重试，重新加载' }))
  expect(onRetry).toHaveBeenCalledTimes(2)
})

test('when the latest bill shows, then a tap opens 账单 at that bill', () => {
  const page = aHomePage({ latestBill: { status: 'ok', bill: aBill() } })
  const { account } = page.sections
  if (account.status === 'ok') account.account = { ...account.account, kind: 'postpaid_gas' }
  const reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  renderHome(page)
  fireEvent.click(screen.getByRole('button', { name: /最新账单/ }))
  expect(reLaunch).toHaveBeenCalledWith({
    url: '/pages/bills/index?accountNo=1000000001&billId=G1000000005202609',
  })
})
