import Taro from '@tarojs/taro'
import { subscriptions as alipay } from './subscribe.alipay'
import { subscriptions as wechat } from './subscribe.weapp'

afterEach(() => {
  jest.restoreAllMocks()
  delete (globalThis as { my?: unknown }).my
})

describe('asking for subscription messages', () => {
  test('when WeChat answers per template, then the accepted and refused ones are told apart', async () => {
    const ask = jest.fn().mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'T-low': 'accept',
      'T-pay': 'reject',
    })
    Object.assign(Taro, { requestSubscribeMessage: ask })
    await expect(wechat.ask(['T-low', 'T-pay'])).resolves.toEqual({
      asked: true,
      accepted: ['T-low'],
      refused: ['T-pay'],
    })
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['T-low', 'T-pay'], entityIds: [] })
  })

  test('when WeChat fails (switched off in settings), then nothing is accepted and nothing throws', async () => {
    Object.assign(Taro, {
      requestSubscribeMessage: jest.fn().mockRejectedValue({ errCode: 20004 }),
    })
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await expect(wechat.ask(['T-low'])).resolves.toEqual({
      asked: true,
      accepted: [],
      refused: ['T-low'],
    })
  })

  test('when Alipay answers, then its subscribed entity ids are the accepted ones', async () => {
    const requestSubscribeMessage = jest.fn(
      (options: { entityIds: string[]; success: (res: object) => void }) =>
        options.success({
          behavior: 'subscribe',
          result: { subscribeEntityIds: ['A-low'], unsubscribedEntityIds: ['A-pay'] },
        }),
    )
    Object.assign(globalThis, { my: { requestSubscribeMessage } })
    await expect(alipay.ask(['A-low', 'A-pay', 'A-bill', 'A-stop'])).resolves.toEqual({
      asked: true,
      accepted: ['A-low'],
      refused: ['A-pay', 'A-bill'],
    })
    // At most three templates in one dialog.
    expect(requestSubscribeMessage.mock.calls[0]?.[0].entityIds).toEqual([
      'A-low',
      'A-pay',
      'A-bill',
    ])
  })

  test('when there is nothing to ask or no API, then no dialog opens', async () => {
    await expect(alipay.ask(['A-low'])).resolves.toEqual({
      asked: false,
      accepted: [],
      refused: [],
    })
    await expect(wechat.ask([])).resolves.toEqual({ asked: false, accepted: [], refused: [] })
  })
})
