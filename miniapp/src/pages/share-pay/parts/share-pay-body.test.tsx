import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError } from '../../../api'
import { tokenStore } from '../../../auth/session'
import { getPayShare, getSharedOrder, paySharedOrder } from '../api'
import { aShare, aSharedOrder, TOKEN } from './fixtures'
import { SharePayBody } from './share-pay-body'

jest.mock('../api', () => ({
  ...jest.requireActual<object>('../api'),
  getPayShare: jest.fn(),
  getSharedOrder: jest.fn(),
  paySharedOrder: jest.fn(),
}))

const fakeShare = getPayShare as jest.Mock
const fakeOrder = getSharedOrder as jest.Mock
const fakePay = paySharedOrder as jest.Mock

function openWith(params: { t: string; orderNo?: string; outcome?: string }) {
  return render(<SharePayBody token={params.t} orderNo={params.orderNo} outcome={params.outcome} />)
}

beforeEach(() => {
  jest.clearAllMocks()
  tokenStore.set('token-1')
})
afterEach(() => tokenStore.clear())

test('when nobody is logged in, then the page asks to log in and asks nothing of the BFF', () => {
  tokenStore.clear()
  openWith({ t: TOKEN })
  expect(screen.getByText('登录后即可为家人代缴，不需要绑定家人的户号')).toBeTruthy()
  expect(screen.getByRole('button', { name: '去登录' })).toBeTruthy()
  expect(fakeShare).not.toHaveBeenCalled()
})

test('when the link is malformed, then it says so and offers no payment', () => {
  openWith({ t: 'short' })
  expect(screen.getByText('代缴链接无效，请让家人重新分享')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '去支付' })).toBeNull()
  expect(fakeShare).not.toHaveBeenCalled()
})

test('when the card is live, then the masked account, what, amount and expiry show with 去支付', async () => {
  fakeShare.mockResolvedValue(aShare({ what: '燃气费', purpose: 'bill', amountFen: 12345 }))
  openWith({ t: TOKEN })
  expect(await screen.findByText('¥123.45')).toBeTruthy()
  expect(fakeShare).toHaveBeenCalledWith(TOKEN)
  expect(screen.getByText('100****001')).toBeTruthy()
  expect(screen.getByText('燃气费')).toBeTruthy()
  expect(screen.getByText('链接有效期至 11月29日 10:00')).toBeTruthy()
  expect(screen.getByRole('button', { name: '去支付' })).toBeTruthy()
})

test('when the card expired, then it says the link is gone, with no retry and no payment', async () => {
  fakeShare.mockRejectedValue(
    new ApiError({ code: 'NOT_FOUND', status: 404, message: '代缴链接已失效，请让家人重新分享' }),
  )
  openWith({ t: TOKEN })
  expect(await screen.findByText('代缴链接已失效，请让家人重新分享')).toBeTruthy()
  expect(screen.queryByRole('button', { name: /重试/ })).toBeNull()
  expect(screen.queryByRole('button', { name: '去支付' })).toBeNull()
})

test('when the payer comes back from the cashier, then the order and its steps show', async () => {
  fakeOrder.mockResolvedValue(aSharedOrder({ state: 'CREDITED', stateLabel: '气表已到账' }))
  openWith({ t: TOKEN, orderNo: 'R20261126A1' })
  expect(await screen.findByText(/气表已到账/, { selector: '[role="status"]' })).toBeTruthy()
  expect(fakeOrder).toHaveBeenCalledWith(TOKEN, 'R20261126A1')
  expect(fakeShare).not.toHaveBeenCalled()
  expect(screen.getByText('已是最终结果')).toBeTruthy()
  expect(screen.getByRole('listitem', { name: /已支付，已完成/ })).toBeTruthy()
  expect(screen.getByText('户号：100****001')).toBeTruthy()
})

test('when the payer cancels in the cashier, then the order shows as still payable with 继续支付', async () => {
  const open = aSharedOrder({
    state: 'PAYING',
    stateLabel: '待支付',
    paidAt: null,
    clientParams: { kind: 'h5', cashierUrl: 'http://127.0.0.1:4100/cashier/1' },
  })
  fakeShare.mockResolvedValue(aShare())
  fakePay.mockResolvedValue({ order: open, outcome: { kind: 'cancelled' } })
  fakeOrder.mockResolvedValue(open)
  openWith({ t: TOKEN })
  fireEvent.click(await screen.findByRole('button', { name: '去支付' }))
  expect(await screen.findByText('您已取消支付，没有扣款。')).toBeTruthy()
  await waitFor(() => expect(fakeOrder).toHaveBeenCalledWith(TOKEN, open.orderNo))
  expect(screen.getByRole('button', { name: '继续支付' })).toBeTruthy()
})
