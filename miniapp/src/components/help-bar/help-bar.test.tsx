import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ElderProvider } from '../../elder'
import { memoryStore } from '../../platform/storage'
import { HelpBar } from './index'
import { resetServicePhone } from './service-phone'

const appInfo = {
  serviceName: '燃气·供热 掌上营业厅',
  servicePhone: '0531-96777',
  serverTime: '2026-11-26T09:00:00+08:00',
  orderNoticeTemplateId: null,
  legal: {
    utilityName: '某市燃气热力有限公司',
    address: '某市民生路 1 号',
    privacyEmail: 'privacy@gas.example.cn',
    policyVersion: '2026-12-06',
  },
}

function renderIn(elder: boolean) {
  return render(
    <ElderProvider
      store={memoryStore()}
      readLinkFlag={() => elder}
      readPlatformLargeFont={() => undefined}
    >
      <HelpBar />
    </ElderProvider>,
  )
}

beforeEach(() => {
  resetServicePhone()
  jest.restoreAllMocks()
  jest.spyOn(Taro, 'request').mockImplementation(
    () =>
      Object.assign(Promise.resolve({ statusCode: 200, data: appInfo, header: {}, errMsg: 'ok' }), {
        abort: () => undefined,
      }) as unknown as ReturnType<typeof Taro.request>,
  )
})

test('when elderly mode is off, then there is no help bar and no request', () => {
  renderIn(false)
  expect(screen.queryByRole('button')).toBeNull()
  expect(Taro.request).not.toHaveBeenCalled()
})

test('when elderly mode is on, then 客服电话 shows and its tap calls the number from app-info', async () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'ok' })
  renderIn(true)
  expect(Taro.request).not.toHaveBeenCalled()
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '客服电话，点击拨打' }))
  })
  expect(call).toHaveBeenCalledWith({ phoneNumber: '0531-96777' })
})

test('when 请家人帮忙 is tapped on H5, then the link of this very page is copied', async () => {
  window.location.hash = '#/pages/bills/index?elder=1&accountNo=1000000001'
  const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok', data: '' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
  renderIn(true)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /请家人帮忙/ }))
  })
  expect(copy).toHaveBeenCalledWith({
    data: expect.stringContaining('#/pages/bills/index?elder=1&accountNo=1000000001'),
  })
})

test('when the page names its share card, then H5 copies the card page, not the address bar', async () => {
  window.location.hash = '#/pages/orders/detail?accountNo=1000000001&orderNo=R1&outcome=cancelled'
  const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok', data: '' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
  render(
    <ElderProvider
      store={memoryStore()}
      readLinkFlag={() => true}
      readPlatformLargeFont={() => undefined}
    >
      <HelpBar
        share={() => ({ title: 't', path: '/pages/orders/detail?accountNo=1000000001&orderNo=R1' })}
      />
    </ElderProvider>,
  )
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /请家人帮忙/ }))
  })
  const copied = String(copy.mock.calls[0]?.[0].data)
  expect(copied).toMatch(/#\/pages\/orders\/detail\?accountNo=1000000001&orderNo=R1$/)
  expect(copied).not.toContain('outcome')
})
