import { fireEvent, render, screen } from '@testing-library/react'
import { SmsCodeField } from './index'

const field = (over: Partial<Parameters<typeof SmsCodeField>[0]> = {}) => (
  <SmsCodeField value="" onChange={jest.fn()} wait={0} onSend={jest.fn()} {...over} />
)

test('when no code has been asked for, then 获取验证码 sends one', () => {
  const onSend = jest.fn()
  render(field({ onSend }))
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  expect(onSend).toHaveBeenCalledTimes(1)
})

test('when a code is on its way or was just sent, then the button says so', () => {
  const { rerender } = render(field({ sending: true }))
  expect(screen.getByRole('button').textContent).toBe('发送中…')
  rerender(field({ wait: 42 }))
  expect(screen.getByRole('button', { name: '42秒后重发' })).toBeTruthy()
})

test('when the button is given a spoken name, then screen readers hear that name', () => {
  render(field({ wait: 42, sendName: '42秒后重发验证码' }))
  expect(screen.getByRole('button', { name: '42秒后重发验证码' }).textContent).toBe('42秒后重发')
})

test('when a code is typed, then the field reports it', () => {
  const onChange = jest.fn()
  render(field({ onChange }))
  fireEvent(
    screen.getByLabelText('验证码'),
    new CustomEvent('input', { detail: { value: '123456' } }),
  )
  expect(onChange).toHaveBeenCalledWith('123456')
})
