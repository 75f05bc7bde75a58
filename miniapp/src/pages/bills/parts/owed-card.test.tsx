import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { BillsDue, PaymentOrder } from '@gh/shared'
import { openPage } from '../../../navigation/pages'
import { payBill } from '../../../payments/pay-flow'
import { OwedCard } from './owed-card'

// The pay hook calls the flow module itself, so that is where the fake goes.
jest.mock('../../../payments/pay-flow', () => ({
  ...jest.requireActual<object>('../../../payments/pay-flow'),
  payBill: jest.fn(),
}))
jest.mock('../../../navigation/pages', () => ({
  ...jest.requireActual<object>('../../../navigation/pages'),
  openPage: jest.fn(),
}))

const fakePay = payBill as jest.Mock
const due: BillsDue = {
  asOf: '2026-11-26T10:00:00+08:00',
  amountDueFen: 10836,
  arrearsFen: 6570,
  lateFeeFen: 259,
  unpaidBillCount: 3,
  overdueBillCount: 2,
}

function renderCard(overrides: Partial<BillsDue> = {}, refusal: string | null = null) {
  render(
    <OwedCard
      accountNo="1000000005"
      due={{ ...due, ...overrides }}
      refusal={refusal}
      onShare={jest.fn()}
    />,
  )
}

beforeEach(() => jest.clearAllMocks())

test('when money is owed with a late fee, then the amount, the fee and 立即缴费 for exactly that amount are shown', async () => {
  fakePay.mockResolvedValue({
    order: { accountNo: '1000000005', orderNo: 'B1', purpose: 'bill' } as PaymentOrder,
    outcome: { kind: 'paid' },
  })
  renderCard()
  expect(screen.getByText('¥108.36')).toBeTruthy()
  expect(screen.getByText('含滞纳金 ¥2.59')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '立即缴费¥108.36' }))
  await waitFor(() => expect(openPage).toHaveBeenCalled())
  expect(fakePay).toHaveBeenCalledWith(
    expect.objectContaining({ accountNo: '1000000005', amountFen: 10836 }),
  )
  expect(openPage).toHaveBeenCalledWith(expect.stringMatching(/orderNo=B1&purpose=bill/))
})

test('when paying is refused, then the reason is shown instead of 立即缴费', () => {
  renderCard({}, '该户已停止供气，暂不能在线缴费或充值')
  expect(screen.getByText('⚠ 该户已停止供气，暂不能在线缴费或充值')).toBeTruthy()
  expect(screen.queryByRole('button', { name: /立即缴费/ })).toBeNull()
})

test('when nothing is owed, then it says so and offers no payment', () => {
  renderCard({ amountDueFen: 0, arrearsFen: 0, lateFeeFen: 0, unpaidBillCount: 0 })
  expect(screen.getByText(/目前没有待缴费用/)).toBeTruthy()
  expect(screen.queryByRole('button', { name: /立即缴费/ })).toBeNull()
})
