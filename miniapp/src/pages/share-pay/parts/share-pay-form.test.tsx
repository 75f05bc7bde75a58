import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError } from '../../../api'
import { paySharedOrder } from '../api'
import { aShare, aSharedOrder, TOKEN } from './fixtures'
import { SharePayForm } from './share-pay-form'

jest.mock('../api', () => ({
  ...jest.requireActual<object>('../api'),
  paySharedOrder: jest.fn(),
}))

const fakePay = paySharedOrder as jest.Mock
const order = aSharedOrder()
type PayArgs = {
  token: string
  amountFen: number
  idempotencyKey: string
  returnUrlFor: (o: { orderNo: string }) => string
}
const payArgs = (i: number) => fakePay.mock.calls[i]?.[0] as PayArgs

beforeEach(() => jest.clearAllMocks())

test('when paying is not possible, then the reason shows and there is no 去支付', () => {
  const refusal = '该户暂无待缴费用'
  render(<SharePayForm share={aShare({ refusal })} onPlaced={jest.fn()} />)
  expect(screen.getByText('暂时不能代缴')).toBeTruthy()
  expect(screen.getByText(refusal)).toBeTruthy()
  expect(screen.queryByRole('button', { name: '去支付' })).toBeNull()
})

test('when the card names the amount, then 去支付 pays exactly that through the card and the order shows', async () => {
  fakePay.mockResolvedValue({ order, outcome: { kind: 'cancelled' } })
  const onPlaced = jest.fn()
  render(<SharePayForm share={aShare({ amountFen: 12345 })} onPlaced={onPlaced} />)
  expect(screen.queryByRole('radiogroup')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(onPlaced).toHaveBeenCalledWith(order, { kind: 'cancelled' }))
  expect(payArgs(0)).toMatchObject({ token: TOKEN, amountFen: 12345 })
  // H5: the cashier comes back to this card's page, showing the order.
  expect(payArgs(0).returnUrlFor(order)).toMatch(
    new RegExp(`#/pages/share-pay/index\\?t=${TOKEN}&orderNo=R20261126A1$`),
  )
})

test('when the page leaves for the H5 cashier, then nothing else is shown meanwhile', async () => {
  fakePay.mockResolvedValue({ order, outcome: { kind: 'redirected' } })
  const onPlaced = jest.fn()
  render(<SharePayForm share={aShare()} onPlaced={onPlaced} />)
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(fakePay).toHaveBeenCalled())
  expect(onPlaced).not.toHaveBeenCalled()
})

test('when the payer chooses, then amounts outside the card’s limits cannot be chosen or typed', async () => {
  render(<SharePayForm share={aShare({ amountFen: null, maxFen: 30000 })} onPlaced={jest.fn()} />)
  const over = screen.getByRole('radio', { name: /^¥500\s*超出可充范围/ })
  fireEvent.click(over)
  expect(over.getAttribute('aria-checked')).toBe('false')
  // Taro's Input reports what was typed in the event's detail, as the platforms do.
  const box = screen.getByLabelText('其他金额（元）')
  fireEvent(box, new CustomEvent('input', { detail: { value: '301' } }))
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  expect(await screen.findByText('⚠ 单笔充值不能超过¥300.00')).toBeTruthy()
  expect(fakePay).not.toHaveBeenCalled()
})

test('when the payer picks an amount, then that amount in fen is paid', async () => {
  fakePay.mockResolvedValue({ order, outcome: null })
  const onPlaced = jest.fn()
  render(<SharePayForm share={aShare({ amountFen: null })} onPlaced={onPlaced} />)
  fireEvent.click(screen.getByRole('radio', { name: /^¥200(?!\d)/ }))
  expect(screen.getByText('支付 ¥200.00')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(onPlaced).toHaveBeenCalledWith(order, null))
  expect(payArgs(0).amountFen).toBe(20000)
})

test('when creating the order fails on the network, then the retry reuses the same key', async () => {
  fakePay.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR' }))
  fakePay.mockResolvedValueOnce({ order, outcome: { kind: 'paid' } })
  const onPlaced = jest.fn()
  render(<SharePayForm share={aShare()} onPlaced={onPlaced} />)
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await screen.findByRole('alert')
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(onPlaced).toHaveBeenCalled())
  expect(payArgs(0).idempotencyKey).toBe(payArgs(1).idempotencyKey)
})

test('when the payer changes the amount after a failure, then the next attempt gets a new key', async () => {
  fakePay.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR' }))
  fakePay.mockResolvedValueOnce({ order, outcome: { kind: 'paid' } })
  render(<SharePayForm share={aShare({ amountFen: null })} onPlaced={jest.fn()} />)
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await screen.findByRole('alert')
  fireEvent.click(screen.getByRole('radio', { name: /^¥200(?!\d)/ }))
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(fakePay).toHaveBeenCalledTimes(2))
  expect(payArgs(0).idempotencyKey).not.toBe(payArgs(1).idempotencyKey)
  expect([payArgs(0).amountFen, payArgs(1).amountFen]).toEqual([5000, 20000])
})
