import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { NotificationSettings, UpdateNotificationSettingsRequest } from '@gh/shared'
import { ApiError } from '../../../api/api-error'
import { labelInNameProblems } from '../../../a11y/label-in-name'
import { useQuery } from '../../../hooks/use-query'
import { updateNotificationSettings } from '../api'
import { SettingsForm, settingsKey } from './settings-form'

jest.mock('../api', () => ({ updateNotificationSettings: jest.fn() }))
jest.mock('../../../elder/modal', () => ({ showMessage: jest.fn() }))

const save = jest.mocked(updateNotificationSettings)

const settings: NotificationSettings = {
  accountNo: '1000000001',
  applicable: { bills: false, balance: true, supply_stops: true, repairs: true, payments: true },
  groups: {
    bills: { enabled: false },
    balance: { enabled: true, thresholdFen: 2000 },
    supply_stops: { enabled: true },
    repairs: { enabled: true },
    payments: { enabled: true },
  },
  channels: {
    wechat: { available: false, enabled: true },
    alipay: { available: false, enabled: true },
    sms: { available: true, enabled: false, phoneMasked: '138****0001', consentedAt: null },
  },
  subscribeTemplates: {
    wechat: { bills: [], balance: [], supply_stops: [], repairs: [], payments: [] },
    alipay: { bills: [], balance: [], supply_stops: [], repairs: [], payments: [] },
  },
}

/** The page as the query cache feeds it: the form shows what the cache holds. */
function Page() {
  const { state } = useQuery(settingsKey('1000000001'), () => Promise.resolve(settings))
  if (state.status !== 'success') return null
  return <SettingsForm accountNo="1000000001" settings={state.data} onShown={jest.fn()} />
}

const switchOf = (name: RegExp) => screen.getByRole('switch', { name })

beforeEach(() => {
  jest.clearAllMocks()
  save.mockImplementation((_accountNo: string, body: UpdateNotificationSettingsRequest) =>
    Promise.resolve({
      ...settings,
      groups: body.groups,
      channels: {
        ...settings.channels,
        sms: { ...settings.channels.sms, enabled: body.channels.sms },
      },
    }),
  )
})

test('when a reminder is switched off, then every switch is sent and the row says 已关闭', async () => {
  const { container } = render(<Page />)
  await screen.findByText('报修进度')
  expect(screen.queryByText('账单提醒')).toBeNull()
  fireEvent.click(switchOf(/^报修进度/))
  await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
  expect(save.mock.calls[0]?.[1]).toEqual({
    groups: { ...settings.groups, repairs: { enabled: false } },
    channels: { wechat: true, alipay: true, sms: false },
  })
  await waitFor(() => expect(switchOf(/^报修进度/).getAttribute('aria-checked')).toBe('false'))
  expect(labelInNameProblems(container)).toEqual([])
})

test('when an amount is tapped, then 余额不足 is saved with that amount in fen', async () => {
  render(<Page />)
  fireEvent.click(await screen.findByRole('radio', { name: /50 元/ }))
  await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
  expect(save.mock.calls[0]?.[1].groups.balance).toEqual({ enabled: true, thresholdFen: 5000 })
})

test('when saving fails, then the switch goes back to what is saved and the resident is told', async () => {
  save.mockRejectedValueOnce(new ApiError({ code: 'UPSTREAM_UNAVAILABLE' }))
  const { showMessage } = jest.requireMock<{ showMessage: jest.Mock }>('../../../elder/modal')
  render(<Page />)
  await screen.findByText('短信提醒')
  await act(async () => {
    fireEvent.click(switchOf(/^短信提醒/))
  })
  await waitFor(() => expect(showMessage).toHaveBeenCalledWith('没有成功', expect.any(String)))
  expect(switchOf(/^短信提醒/).getAttribute('aria-checked')).toBe('false')
})

test('when the page runs in a browser, then it says subscription messages are not available here', async () => {
  render(<Page />)
  expect(await screen.findByText('微信、支付宝订阅消息：网页版不可用')).toBeTruthy()
  expect(screen.getByText(/^发短信到 138\*\*\*\*0001 提醒您/)).toBeTruthy()
})
