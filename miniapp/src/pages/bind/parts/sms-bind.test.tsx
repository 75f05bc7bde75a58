import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import type { BoundAccount } from '@gh/shared'
import { bindAccountBySms, sendBindingCode } from '../api'
import { ApiError } from '../../../api'
import { BindMethodSwitch, type BindMethod } from './bind-method'
import { SmsBind } from './sms-bind'

jest.mock('../api', () => ({
  sendBindingCode: jest.fn(),
  bindAccountBySms: jest.fn(),
}))

const fakeSend = sendBindingCode as jest.Mock
const fakeBind = bindAccountBySms as jest.Mock
const ACCOUNT = '1000000001'
const bound: BoundAccount = {
  accountNo: ACCOUNT,
  label: '我家',
  isDefault: true,
  role: 'owner',
  boundAt: '2026-11-20T09:00:00+08:00',
  summary: null,
}

beforeEach(() => jest.clearAllMocks())
afterEach(() => jest.useRealTimers())

// Taro's Input reports what was typed in the event's detail, as the platforms do.
const type = (label: string, value: string) =>
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { detail: { value } }))

test('when 获取验证码 is tapped, then the code goes to the account’s reserved phone, the masked number shows and the button counts down', async () => {
  jest.useFakeTimers()
  fakeSend.mockResolvedValue({
    sentToMasked: '138********',
    expiresInSeconds: 300,
    resendAfterSeconds: 60,
  })
  render(<SmsBind accountNo={ACCOUNT} label={undefined} onBound={jest.fn()} />)
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  expect(await screen.findByRole('status')).toHaveProperty(
    'textContent',
    '验证码已发送到户号预留的手机号 138********，5分钟内有效',
  )
  expect(fakeSend).toHaveBeenCalledWith(ACCOUNT)
  act(() => void jest.advanceTimersByTime(1000))
  const resend = screen.getByRole('button', { name: '59秒后重发' })
  fireEvent.click(resend)
  expect(fakeSend).toHaveBeenCalledTimes(1)
})

test('when the account number is incomplete, then no code is asked for and the reason shows', async () => {
  render(<SmsBind accountNo="10000" label={undefined} onBound={jest.fn()} />)
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  expect((await screen.findByRole('alert')).textContent).toBe('⚠ 请先填写10位户号')
  expect(fakeSend).not.toHaveBeenCalled()
})

test('when the code is typed and 绑定 tapped, then the account is bound with the code and the chosen name', async () => {
  fakeBind.mockResolvedValue(bound)
  const onBound = jest.fn()
  render(<SmsBind accountNo={ACCOUNT} label="我家" onBound={onBound} />)
  type('验证码', '123456')
  fireEvent.click(screen.getByRole('button', { name: '绑定' }))
  await waitFor(() => expect(onBound).toHaveBeenCalledWith(bound))
  expect(fakeBind).toHaveBeenCalledWith({ accountNo: ACCOUNT, code: '123456', label: '我家' })
})

test('when the code is wrong or short, then the reason shows and a short code is not sent', async () => {
  render(<SmsBind accountNo={ACCOUNT} label={undefined} onBound={jest.fn()} />)
  type('验证码', '123')
  fireEvent.click(screen.getByRole('button', { name: '绑定' }))
  expect((await screen.findByRole('alert')).textContent).toBe('⚠ 请输入6位验证码')
  expect(fakeBind).not.toHaveBeenCalled()

  fakeBind.mockRejectedValue(
    new ApiError({ code: 'SMS_CODE_INVALID', message: '验证码不正确，还可以再试4次' }),
  )
  type('验证码', '654321')
  fireEvent.click(screen.getByRole('button', { name: '绑定' }))
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toBe('⚠ 验证码不正确，还可以再试4次'),
  )
})

test('when the other way is chosen, then it is marked chosen for eyes and screen readers alike', () => {
  function Harness() {
    const [method, setMethod] = useState<BindMethod>('sms')
    return <BindMethodSwitch value={method} onChange={setMethod} />
  }
  render(<Harness />)
  const sms = screen.getByRole('button', { name: /短信验证\s*推荐$/ })
  const holder = screen.getByRole('button', { name: /^户主姓名验证\s*姓名\+手机后4位$/ })
  expect([sms.getAttribute('aria-pressed'), holder.getAttribute('aria-pressed')]).toEqual([
    'true',
    'false',
  ])
  fireEvent.click(holder)
  expect([sms.getAttribute('aria-pressed'), holder.getAttribute('aria-pressed')]).toEqual([
    'false',
    'true',
  ])
  expect(holder.textContent).toContain('✓ 户主姓名验证')
})
