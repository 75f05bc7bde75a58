import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RepairOptions } from '@gh/shared'
import { ApiError } from '../../../api'
import { repairDrafts } from '../../../repairs/draft'
import { aRepair } from '../../../../test/repair-fixtures'
import { ReportForm } from './report-form'

jest.mock('../../../repairs/api', () => ({ createRepair: jest.fn() }))
const api = jest.requireMock<{ createRepair: jest.Mock }>('../../../repairs/api')

const ACCOUNT = '1000000004'
const options: RepairOptions = {
  kinds: [],
  addressMasked: '示范市东城区和平路18号幸福里小区**栋**单元***',
  phoneMasked: '138****0004',
  slots: [
    { date: '2026-11-27', window: 'am', label: '11月27日 周五 上午 9:00–12:00', available: false },
    { date: '2026-11-27', window: 'pm', label: '11月27日 周五 下午 14:00–18:00', available: true },
  ],
  maxPhotos: 6,
  hotline: '96777',
}

const redirect = jest.spyOn(Taro, 'redirectTo')

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.clear()
  redirect.mockResolvedValue({ errMsg: 'redirectTo:ok' })
})

const form = () => (
  <ReportForm accountNo={ACCOUNT} options={options} askedKind="no_heat" onShown={() => undefined} />
)

function describeFault(text: string) {
  // Taro's textarea answers its input events with the value in `detail`.
  fireEvent(
    screen.getByLabelText('故障描述'),
    new CustomEvent('input', { detail: { value: text } }),
  )
}

const send = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '提交报修' }))
  })

test('when a send is lost and sent again, then both go with the draft’s key, and after success the draft is gone and the report opens', async () => {
  api.createRepair
    .mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR' }))
    .mockResolvedValueOnce(aRepair('submitted'))
  render(form())
  describeFault('暖气片不热')
  fireEvent.click(screen.getByRole('button', { name: '11月27日 周五 下午 14:00–18:00' }))
  await send()
  expect(screen.getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
  // Kept on the phone meanwhile, with the key the lost send used.
  const kept = repairDrafts.load(ACCOUNT, 'no_heat')
  expect(kept).toMatchObject({
    description: '暖气片不热',
    slot: { date: '2026-11-27', window: 'pm' },
  })

  await send()
  const [first, second] = api.createRepair.mock.calls
  expect(first?.[1]).toEqual({
    kind: 'no_heat',
    description: '暖气片不热',
    photoIds: [],
    slot: { date: '2026-11-27', window: 'pm' },
  })
  expect(first?.[2]).toBe(kept?.key)
  expect(second?.[2]).toBe(kept?.key)
  expect(repairDrafts.load(ACCOUNT)).toBeUndefined()
  expect(redirect).toHaveBeenCalledWith({
    url: '/pages-repairs/detail/index?accountNo=1000000004&repairNo=WO2026112600001',
  })
})

test('when the form is closed and opened again, then what was written comes back', () => {
  const first = render(form())
  describeFault('暖气片上半截不热')
  first.unmount()
  render(form())
  expect(screen.getByText('8/500 字')).toBeTruthy()
  expect(repairDrafts.load(ACCOUNT, 'no_heat')?.description).toBe('暖气片上半截不热')
})

test('when a fault that can wait has no description, then the form asks for one and sends nothing', async () => {
  render(form())
  await send()
  expect(screen.getByRole('alert').textContent).toBe('请描述一下故障情况')
  expect(api.createRepair).not.toHaveBeenCalled()
})

test('when a booked-out time is tapped, then it is not chosen', () => {
  render(form())
  const full = screen.getByRole('button', { name: '11月27日 周五 上午 9:00–12:00（已约满）' })
  fireEvent.click(full)
  expect(full.getAttribute('aria-pressed')).toBe('false')
})
