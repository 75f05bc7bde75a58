import type { PaymentOrder } from '@gh/shared'

/*
 * The pay flow as each build runs it: Taro picks launch.<platform>.ts at build time; here the
 * test picks it, with a fake Taro and a fake BFF (createRecharge).
 */
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { requestPayment: jest.fn(), tradePay: jest.fn() },
}))
jest.mock('./api', () => ({ createRecharge: jest.fn() }))
let platform = 'weapp'
jest.mock('./launch', () => ({
  launchPayment: (...args: unknown[]) =>
    (
      jest.requireActual(`./launch.${platform}`) as { launchPayment: (...a: unknown[]) => unknown }
    ).launchPayment(...args),
}))

import { createRecharge } from './api'
import { browser } from './launch.h5'
import { channelForPlatform, payRecharge } from './pay-flow'

const fakeTaro = (
  jest.requireMock('@tarojs/taro') as {
    default: { requestPayment: jest.Mock; tradePay: jest.Mock }
  }
).default
const fakeCreate = createRecharge as jest.Mock

function paying(clientParams: PaymentOrder['clientParams']): PaymentOrder {
  return {
    orderNo: 'R20261126A1',
    accountNo: '1000000001',
    purpose: 'recharge',
    channel: clientParams?.kind ?? 'h5',
    amountFen: 10000,
    toArrearsFen: 0,
    state: clientParams ? 'PAYING' : 'PAID',
    stateLabel: clientParams ? '待支付' : '已支付',
    hint: null,
    createdAt: '2026-11-26T09:00:00+08:00',
    expiresAt: '2026-11-26T09:30:00+08:00',
    paidAt: null,
    timeline: [],
    clientParams,
  }
}

const request = {
  accountNo: '1000000001',
  amountFen: 10000,
  idempotencyKey: 'key-1',
  returnUrlFor: (o: PaymentOrder) =>
    `http://127.0.0.1:3000/#/pages/orders/detail?orderNo=${o.orderNo}`,
}

beforeEach(() => jest.clearAllMocks())
afterEach(() => {
  process.env.TARO_ENV = 'h5'
})

function build(env: 'weapp' | 'alipay' | 'h5') {
  platform = env
  process.env.TARO_ENV = env
}

test('when each build pays, then it asks the BFF for its own channel', () => {
  expect(channelForPlatform('weapp')).toBe('wechat')
  expect(channelForPlatform('alipay')).toBe('alipay')
  expect(channelForPlatform('h5')).toBe('h5')
})

test('when a WeChat resident cancels, then the order comes back payable and the outcome says so', async () => {
  build('weapp')
  const order = paying({
    kind: 'wechat',
    appId: 'wx1',
    timeStamp: '1',
    nonceStr: 'n',
    package: 'prepay_id=p1',
    signType: 'RSA',
    paySign: 's',
  })
  fakeCreate.mockResolvedValue(order)
  fakeTaro.requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail cancel' })
  const result = await payRecharge(request)
  expect(fakeCreate).toHaveBeenCalledWith(
    '1000000001',
    { amountFen: 10000, channel: 'wechat' },
    'key-1',
  )
  expect(fakeTaro.requestPayment).toHaveBeenCalledWith(
    expect.objectContaining({ package: 'prepay_id=p1' }),
  )
  expect(result).toEqual({ order, outcome: { kind: 'cancelled' } })
})

test('when an Alipay resident pays, then tradePay gets the trade number and the outcome is paid', async () => {
  build('alipay')
  fakeCreate.mockResolvedValue(paying({ kind: 'alipay', tradeNO: 'T1' }))
  fakeTaro.tradePay.mockResolvedValue({ resultCode: '9000' })
  await expect(payRecharge(request)).resolves.toMatchObject({ outcome: { kind: 'paid' } })
  expect(fakeCreate.mock.calls[0]?.[1]).toEqual({ amountFen: 10000, channel: 'alipay' })
  expect(fakeTaro.tradePay).toHaveBeenCalledWith({ tradeNO: 'T1' })
})

test('when paying in H5, then the browser leaves for the cashier with the order page as return', async () => {
  build('h5')
  const go = jest.spyOn(browser, 'go').mockImplementation(() => undefined)
  fakeCreate.mockResolvedValue(
    paying({ kind: 'h5', cashierUrl: 'http://127.0.0.1:4100/cashier/R20261126A1' }),
  )
  await expect(payRecharge(request)).resolves.toMatchObject({ outcome: { kind: 'redirected' } })
  expect(fakeCreate.mock.calls[0]?.[1]).toEqual({ amountFen: 10000, channel: 'h5' })
  const href = new URL(go.mock.calls[0]?.[0] ?? '')
  expect(href.searchParams.get('return')).toBe(
    'http://127.0.0.1:3000/#/pages/orders/detail?orderNo=R20261126A1',
  )
  go.mockRestore()
})

test('when the same key answers an order already paid, then no payment is opened again', async () => {
  build('weapp')
  fakeCreate.mockResolvedValue(paying(null))
  await expect(payRecharge(request)).resolves.toMatchObject({ outcome: null })
  expect(fakeTaro.requestPayment).not.toHaveBeenCalled()
})

test('when the BFF refuses, then the error reaches the page and nothing is paid', async () => {
  build('weapp')
  fakeCreate.mockRejectedValue(new Error('单笔充值不能超过¥2,000.00'))
  await expect(payRecharge(request)).rejects.toThrow('单笔充值不能超过')
  expect(fakeTaro.requestPayment).not.toHaveBeenCalled()
})
