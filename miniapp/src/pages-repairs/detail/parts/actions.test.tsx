import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../api'
import { aRepair } from '../../../../test/repair-fixtures'
import { ReopenForm } from './reopen-form'
import { UrgeButton } from './urge-button'

jest.mock('../../../repairs/api', () => ({
  urgeRepair: jest.fn(),
  reopenRepair: jest.fn(),
  rateRepair: jest.fn(),
}))
const api = jest.requireMock<{ urgeRepair: jest.Mock; reopenRepair: jest.Mock }>(
  '../../../repairs/api',
)

beforeEach(() => jest.clearAllMocks())

test('when the report was urged a moment ago, then 催单 says when it can be urged again and cannot be tapped', () => {
  const repair = aRepair('accepted')
  render(
    <UrgeButton
      repair={{
        ...repair,
        actions: { ...repair.actions, canUrge: false, nextUrgeAt: '2026-11-26T12:30:00+08:00' },
      }}
    />,
  )
  const button = screen.getByRole('button', { name: /^催单，已催过，11月26日 12:30 后可以再催/ })
  expect(button.getAttribute('aria-disabled')).toBe('true')
  expect(button.textContent).toBe('催单（11月26日 12:30 后可再催）')
  fireEvent.click(button)
  expect(api.urgeRepair).not.toHaveBeenCalled()
})

test('when 催单 is tapped twice while it is on its way, then the report is urged once', async () => {
  let finish: (value: unknown) => void = () => undefined
  api.urgeRepair.mockReturnValue(new Promise((resolve) => (finish = resolve)))
  render(<UrgeButton repair={aRepair('accepted')} />)
  const button = screen.getByRole('button', { name: /^催单/ })
  fireEvent.click(button)
  fireEvent.click(button)
  await act(async () => finish(aRepair('accepted')))
  expect(api.urgeRepair).toHaveBeenCalledTimes(1)
})

test('when a reopening is sent without a reason, then the form says what is missing and sends nothing', async () => {
  render(<ReopenForm repair={aRepair('resolved')} />)
  expect(screen.getByText('12月3日 15:00 前可以重新报修，会再派师傅上门')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '重新报修' }))
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '确认重新报修' }))
  })
  expect(screen.getByRole('alert').textContent).toBe('请说明还有什么问题')
  expect(api.reopenRepair).not.toHaveBeenCalled()
})

test('when a reopening fails and is sent again, then it goes with the same key', async () => {
  api.reopenRepair
    .mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR' }))
    .mockResolvedValueOnce(aRepair('accepted'))
  render(<ReopenForm repair={aRepair('resolved')} />)
  fireEvent.click(screen.getByRole('button', { name: '重新报修' }))
  // Taro's textarea answers its input events with the value in `detail`.
  fireEvent(
    screen.getByLabelText('还有什么问题'),
    new CustomEvent('input', { detail: { value: '暖气片又不热了' } }),
  )
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '确认重新报修' }))
  })
  expect(screen.getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '确认重新报修' }))
  })
  const [first, second] = api.reopenRepair.mock.calls
  expect(first?.[1]).toBe('暖气片又不热了')
  expect(second?.[2]).toBe(first?.[2])
})
