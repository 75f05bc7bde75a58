import type { ClientPayParams } from '@gh/shared'

/* A fake Taro: each test says what the platform's payment answers. */
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { requestPayment: jest.fn(), tradePay: jest.fn() },
}))

import { launchPayment as alipay } from './launch.alipay'
import { browser, cashierHref, launchPayment as h5 } from './launch.h5'
import { launchPayment as weapp } from './launch.weapp'

const fakeTaro = (
  jest.requireMock('@tarojs/taro') as {
    default: { requestPayment: jest.Mock; tradePay: jest.Mock }
  }
).default

const wechatParams: ClientPayParams = {
  kind: 'wechat',
  appId: 'wx0000000000000001',
  timeStamp: '1764120000',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx26090000000000',
  signType: 'RSA',
  paySign: 'c2lnbmVk',
}
const alipayParams: ClientPayParams = { kind: 'alipay', tradeNO: '2026112622001400000001' }
const h5Params: ClientPayParams = {
  kind: 'h5',
  cashierUrl: 'http://127.0.0.1:4100/cashier/R20261126ABC',
}
const options = { returnUrl: 'http://127.0.0.1:3000/#/pages/orders/detail?orderNo=R1' }

beforeEach(() => {
  fakeTaro.requestPayment.mockReset()
  fakeTaro.tradePay.mockReset()
})

describe('weapp', () => {
  test('when WeChat pays, then requestPayment got exactly the signed parameters', async () => {
    fakeTaro.requestPayment.mockResolvedValue({ errMsg: 'requestPayment:ok' })
    await expect(weapp(wechatParams, options)).resolves.toEqual({ kind: 'paid' })
    expect(fakeTaro.requestPayment).toHaveBeenCalledWith({
      timeStamp: '1764120000',
      nonceStr: 'n0nce',
      package: 'prepay_id=wx26090000000000',
      signType: 'RSA',
      paySign: 'c2lnbmVk',
    })
  })

  test('when the resident cancels in WeChat, then the outcome is cancelled, not failed', async () => {
    fakeTaro.requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail cancel' })
    await expect(weapp(wechatParams, options)).resolves.toEqual({ kind: 'cancelled' })
  })

  test('when WeChat fails otherwise, then a Chinese message says nothing was charged', async () => {
    fakeTaro.requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail system error' })
    await expect(weapp(wechatParams, options)).resolves.toEqual({
      kind: 'failed',
      message: '微信支付没有完成，未扣款可重新支付',
    })
  })

  test('when the order was made for another platform, then WeChat is not called', async () => {
    await expect(weapp(alipayParams, options)).resolves.toMatchObject({ kind: 'failed' })
    expect(fakeTaro.requestPayment).not.toHaveBeenCalled()
  })
})

describe('alipay', () => {
  test.each([
    ['9000', 'paid'],
    ['6001', 'cancelled'],
    ['8000', 'unknown'],
    ['6004', 'unknown'],
    ['4000', 'failed'],
  ])('when tradePay answers %s, then the outcome is %s', async (resultCode, kind) => {
    fakeTaro.tradePay.mockResolvedValue({ resultCode })
    await expect(alipay(alipayParams, options)).resolves.toMatchObject({ kind })
    expect(fakeTaro.tradePay).toHaveBeenCalledWith({ tradeNO: '2026112622001400000001' })
  })

  test('when tradePay itself rejects, then the result is unknown (the BFF will tell)', async () => {
    fakeTaro.tradePay.mockRejectedValue(new Error('boom'))
    await expect(alipay(alipayParams, options)).resolves.toEqual({ kind: 'unknown' })
  })
})

describe('h5', () => {
  test('when paying in the browser, then the page goes to the cashier with the way back', async () => {
    const go = jest.spyOn(browser, 'go').mockImplementation(() => undefined)
    await expect(h5(h5Params, options)).resolves.toEqual({ kind: 'redirected' })
    const href = new URL(go.mock.calls[0]?.[0] ?? '')
    expect(href.origin + href.pathname).toBe('http://127.0.0.1:4100/cashier/R20261126ABC')
    expect(href.searchParams.get('return')).toBe(options.returnUrl)
    go.mockRestore()
  })

  test('when the cashier URL already has a query, then return is added to it', () => {
    const href = cashierHref('http://127.0.0.1:4100/cashier/R1?x=1', 'http://127.0.0.1:3000/')
    expect(href).toBe(
      'http://127.0.0.1:4100/cashier/R1?x=1&return=http%3A%2F%2F127.0.0.1%3A3000%2F',
    )
  })
})
