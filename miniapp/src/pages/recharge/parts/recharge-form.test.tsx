import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PaymentOptions } from '@gh/shared'
import { ApiError } from '../../../api'
import { openPage } from '../../../navigation/pages'
import { payRecharge } from '../../../payments/pay-flow'
import { RechargeForm } from './recharge-form'

// The pay hook calls the flow module itself, so that is where the fake goes.
jest.mock('../../../payments/pay-flow', () => ({
  ...jest.requireActual<object>('../../../payments/pay-flow'),
  payRecharge: jest.fn(),
}))
jest.mock('../../../navigation/pages', () => ({
  ...jest.requireActual<object>('../../../navigation/pages'),
  openPage: jest.fn(),
}))

const fakePay = payRecharge as jest.Mock
const fakeOpen = openPage as jest.Mock

const options = (over: Partial<PaymentOptions['recharge']> = {}, owedFen = 0): PaymentOptions => ({
  recharge: {
    refusal: null,
    minFen: Math.max(1000, owedFen),
    maxFen: 200000,
    presets: [
      { amountFen: 5000, allowed: true, daysOfGas: 12 },
      { amountFen: 10000, allowed: true, daysOfGas: 25 },
      { amountFen: 20000, allowed: true, daysOfGas: 50 },
      { amountFen: 500000, allowed: false, daysOfGas: null },
    ],
    ...over,
  },
  bill: { owedFen, refusal: owedFen > 0 ? null : '该户暂无待缴费用' },
  daysOfGasNow: 3,
  daysOfGasBasis: '按近30天日均 1.2 m³ 估算',
})

const order = { orderNo: 'R1', accountNo: '1000000001', purpose: 'recharge' }

beforeEach(() => jest.clearAllMocks())

test('when the account may not be topped up, then the reason shows and there is no 去支付', () => {
  const refusal = '该户已停止供气，暂不能在线缴费或充值，请联系客服或到营业厅办理'
  render(<RechargeForm accountNo="1000000001" options={options({ refusal })} />)
  expect(screen.getByText(refusal)).toBeTruthy()
  expect(screen.queryByRole('button', { name: '去支付' })).toBeNull()
})

test('when a preset is chosen, then what it buys shows and 去支付 pays exactly that in fen', async () => {
  fakePay.mockResolvedValue({ order, outcome: { kind: 'cancelled' } })
  render(<RechargeForm accountNo="1000000001" options={options()} />)
  fireEvent.click(screen.getByRole('radio', { name: /^¥100\s*约可用25天/ }))
  expect(screen.getByText('充值后约可用 25 天')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(fakeOpen).toHaveBeenCalled())
  expect(fakePay.mock.calls[0]?.[0]).toMatchObject({ accountNo: '1000000001', amountFen: 10000 })
  expect(fakeOpen).toHaveBeenCalledWith(
    '/pages/orders/detail?accountNo=1000000001&orderNo=R1&purpose=recharge&outcome=cancelled',
  )
})

test('when a preset is over the limit, then it says so in words and cannot be chosen', () => {
  render(<RechargeForm accountNo="1000000001" options={options()} />)
  const over = screen.getByRole('radio', { name: /^¥5,000\s*超出可充范围/ })
  fireEvent.click(over)
  expect(over.getAttribute('aria-checked')).toBe('false')
})

test('when the account owes money, then the split between arrears and meter is shown', () => {
  render(<RechargeForm accountNo="1000000001" options={options({}, 3000)} />)
  expect(screen.getByText('其中 ¥30.00 抵扣欠费，¥20.00 存入气表')).toBeTruthy()
})

test('when creating the order fails on the network, then the retry reuses the same key', async () => {
  fakePay.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR' }))
  fakePay.mockResolvedValueOnce({ order, outcome: { kind: 'paid' } })
  render(<RechargeForm accountNo="1000000001" options={options()} />)
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await screen.findByRole('alert')
  fireEvent.click(screen.getByRole('button', { name: '去支付' }))
  await waitFor(() => expect(fakeOpen).toHaveBeenCalled())
  const keys = fakePay.mock.calls.map((c) => (c[0] as { idempotencyKey: string }).idempotencyKey)
  expect(keys).toHaveLength(2)
  expect(keys[0]).toBe(keys[1])
})
