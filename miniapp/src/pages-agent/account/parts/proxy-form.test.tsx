import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { AgentBookingOptions } from '@gh/shared'
import { queryClient } from '../../../hooks/query-cache'
import { getBookingOptions, startProxyRequest } from '../../workbench/api'
import { ProxyForm } from './proxy-form'

jest.mock('../../workbench/api', () => ({
  ...jest.requireActual<object>('../../workbench/api'),
  getBookingOptions: jest.fn(),
  startProxyRequest: jest.fn(),
}))

const fakeOptions = getBookingOptions as jest.Mock
const fakeStart = startProxyRequest as jest.Mock
const ACCOUNT = '1000000001'

const options: AgentBookingOptions = {
  kinds: [
    { kind: 'gas_leak', label: '燃气泄漏', urgent: true, advice: '关闭总阀，开窗通风' },
    { kind: 'appliance', label: '灶具打不着火', urgent: false, advice: null },
  ],
  repairSlots: [
    { date: '2026-11-23', window: 'am', label: '11月23日 周一 上午', available: true },
    { date: '2026-11-23', window: 'pm', label: '11月23日 周一 下午', available: false },
  ],
  inspectionSlots: [
    { date: '2026-11-24', window: 'pm', label: '11月24日 周二 下午', available: true },
  ],
}

function created(kind: string, slot: { date: string; window: string } | null) {
  return {
    code: '123456',
    request: {
      id: '7f1c2a52-5a43-4d6e-9d7f-1c2a525a434d',
      taskId: 't1',
      accountNo: ACCOUNT,
      kind,
      kindLabel: kind === 'book_inspection' ? '预约安检' : '报修',
      amountFen: null,
      repairKind: null,
      slot,
      description: null,
      status: 'pending',
      statusLabel: '待居民确认',
      createdAt: '2026-11-20T10:00:00+08:00',
      expiresAt: '2026-11-20T10:10:00+08:00',
      confirmedAt: null,
      orderNo: null,
      repairNo: null,
      inspectionId: null,
    },
  }
}

const tap = (name: string) => fireEvent.click(screen.getByRole('button', { name }))
const type = (label: string, value: string) =>
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { detail: { value } }))

beforeEach(() => {
  jest.clearAllMocks()
  queryClient.clear()
  fakeOptions.mockResolvedValue(options)
})

test('when the agent books an inspection, then only open slots of the inspection list are offered and the chosen one is sent', async () => {
  fakeStart.mockResolvedValue(created('book_inspection', { date: '2026-11-24', window: 'pm' }))
  render(<ProxyForm accountNo={ACCOUNT} />)
  tap('预约安检')
  await screen.findByRole('button', { name: '11月24日 周二 下午' })
  expect(screen.queryByRole('button', { name: '11月23日 周一 上午' })).toBeNull()
  tap('发起代办')
  expect(await screen.findByText(/请选择上门安检时间/)).toBeTruthy()
  tap('11月24日 周二 下午')
  tap('发起代办')
  await screen.findByText(/请把验证码读给居民/)
  expect(fakeOptions).toHaveBeenCalledWith(ACCOUNT)
  expect(fakeStart.mock.calls[0]?.[0]).toEqual({
    kind: 'book_inspection',
    accountNo: ACCOUNT,
    slot: { date: '2026-11-24', window: 'pm' },
  })
})

test('when the agent reports a fault, then a non-urgent one needs a description and an open slot, an urgent one neither', async () => {
  fakeStart.mockResolvedValue(created('report_fault', null))
  render(<ProxyForm accountNo={ACCOUNT} />)
  tap('报修')
  await screen.findByRole('button', { name: '灶具打不着火' })
  tap('灶具打不着火')
  expect(screen.queryByRole('button', { name: '11月23日 周一 下午' })).toBeNull()
  tap('11月23日 周一 上午')
  tap('发起代办')
  expect(await screen.findByText(/请描述一下故障情况/)).toBeTruthy()
  type('故障描述', '左边灶眼打不着')
  tap('发起代办')
  await waitFor(() => expect(fakeStart).toHaveBeenCalledTimes(1))
  expect(fakeStart.mock.calls[0]?.[0]).toEqual({
    kind: 'report_fault',
    accountNo: ACCOUNT,
    repairKind: 'appliance',
    description: '左边灶眼打不着',
    slot: { date: '2026-11-23', window: 'am' },
  })

  tap('燃气泄漏（紧急）')
  expect(screen.getByText(/关闭总阀，开窗通风/)).toBeTruthy()
  expect(screen.queryByRole('button', { name: '11月23日 周一 上午' })).toBeNull()
  tap('发起代办')
  await waitFor(() => expect(fakeStart).toHaveBeenCalledTimes(2))
  expect(fakeStart.mock.calls[1]?.[0]).toEqual({
    kind: 'report_fault',
    accountNo: ACCOUNT,
    repairKind: 'gas_leak',
    description: '左边灶眼打不着',
  })
})
