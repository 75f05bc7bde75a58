import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PayShare } from '@gh/shared'
import { ApiError } from '../../api'
import { createPayShare } from './api'
import { FamilyPay } from './index'

jest.mock('./api', () => ({ createPayShare: jest.fn() }))

const fakeCreate = createPayShare as jest.Mock
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv'
const card = (amountFen: number | null): PayShare => ({
  token: TOKEN,
  path: `/pages/share-pay/index?t=${TOKEN}`,
  accountNoMasked: '100****001',
  what: '燃气充值',
  purpose: 'recharge',
  amountFen,
  minFen: 1000,
  maxFen: 200000,
  refusal: null,
  expiresAt: '2026-11-29T10:00:00+08:00',
})

function renderWith(amountFen: number | null, amountError?: string) {
  const onShare = jest.fn()
  const view = render(
    <FamilyPay
      accountNo="1000000001"
      amountFen={amountFen}
      amountError={amountError}
      onShare={onShare}
    />,
  )
  const rerender = (fen: number | null) =>
    view.rerender(
      <FamilyPay
        accountNo="1000000001"
        amountFen={fen}
        amountError={undefined}
        onShare={onShare}
      />,
    )
  return { onShare, rerender }
}

beforeEach(() => jest.clearAllMocks())

test('when 请家人代缴 is tapped, then a card for the chosen amount is made and its link can be copied', async () => {
  fakeCreate.mockResolvedValue(card(10000))
  const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok', data: '' })
  const { onShare } = renderWith(10000)
  fireEvent.click(screen.getByRole('button', { name: /请家人代缴/ }))
  expect(await screen.findByText('代缴链接已生成')).toBeTruthy()
  expect(fakeCreate.mock.calls[0]?.slice(0, 2)).toEqual([
    '1000000001',
    { purpose: 'recharge', amountFen: 10000 },
  ])
  expect(onShare).toHaveBeenLastCalledWith(card(10000))
  expect(screen.getByText(/家人打开后可直接支付 ¥100.00/)).toBeTruthy()
  const link = `http://localhost/#/pages/share-pay/index?t=${TOKEN}`
  expect(screen.getByText(link)).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '复制链接' }))
  await waitFor(() => expect(copy).toHaveBeenCalledWith({ data: link }))
})

test('when no amount is chosen, then the card lets the family member choose', async () => {
  fakeCreate.mockResolvedValue(card(null))
  renderWith(null)
  fireEvent.click(screen.getByRole('button', { name: /请家人代缴/ }))
  expect(await screen.findByText(/家人打开后可直接支付 由家人选择的金额/)).toBeTruthy()
  expect(fakeCreate.mock.calls[0]?.[1]).toEqual({ purpose: 'recharge', amountFen: null })
})

test('when the typed amount is wrong, then it says why and makes no card', async () => {
  renderWith(null, '单笔充值不能少于¥10.00')
  fireEvent.click(screen.getByRole('button', { name: /请家人代缴/ }))
  expect(await screen.findByText('⚠ 单笔充值不能少于¥10.00')).toBeTruthy()
  expect(fakeCreate).not.toHaveBeenCalled()
})

test('when another amount is chosen after the card was made, then the stale card is withdrawn', async () => {
  fakeCreate.mockResolvedValue(card(10000))
  const { onShare, rerender } = renderWith(10000)
  fireEvent.click(screen.getByRole('button', { name: /请家人代缴/ }))
  await screen.findByText('代缴链接已生成')
  rerender(20000)
  expect(screen.queryByText('代缴链接已生成')).toBeNull()
  expect(onShare).toHaveBeenLastCalledWith(undefined)
  expect(screen.getByRole('button', { name: /请家人代缴/ })).toBeTruthy()
})

test('when making the card fails on the network, then the retry reuses the same key', async () => {
  fakeCreate.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR' }))
  fakeCreate.mockResolvedValueOnce(card(10000))
  renderWith(10000)
  fireEvent.click(screen.getByRole('button', { name: /请家人代缴/ }))
  await screen.findByRole('alert')
  fireEvent.click(screen.getByRole('button', { name: /请家人代缴/ }))
  await screen.findByText('代缴链接已生成')
  expect(fakeCreate.mock.calls[0]?.[2]).toBe(fakeCreate.mock.calls[1]?.[2])
})
