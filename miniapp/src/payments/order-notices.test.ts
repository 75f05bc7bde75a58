import { askForOrderNotices, setOrderNoticeTemplate } from './order-notices'

describe('asking for the payment-result message', () => {
  afterEach(() => setOrderNoticeTemplate(undefined))

  test('when in WeChat with a template, then consent is asked for that template', async () => {
    setOrderNoticeTemplate('tpl-1')
    const ask = jest.fn().mockResolvedValue({ 'tpl-1': 'accept' })
    await askForOrderNotices('weapp', ask)
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-1'] })
  })

  test('when the resident refuses or WeChat fails, then paying goes on', async () => {
    setOrderNoticeTemplate('tpl-1')
    const ask = jest.fn().mockRejectedValue(new Error('requestSubscribeMessage:fail cancel'))
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await expect(askForOrderNotices('weapp', ask)).resolves.toBeUndefined()
  })

  test('when on Alipay or H5, or no template is configured, then nothing is asked', async () => {
    const ask = jest.fn()
    setOrderNoticeTemplate('tpl-1')
    await askForOrderNotices('alipay', ask)
    await askForOrderNotices('h5', ask)
    setOrderNoticeTemplate(null)
    await askForOrderNotices('weapp', ask)
    expect(ask).not.toHaveBeenCalled()
  })
})
