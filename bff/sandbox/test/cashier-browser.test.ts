import { existsSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { openBrowser, type Browser } from '../../../e2e/browser'
import { BUYER_ID, exec, orderNo, startAlipay } from './alipay-fixtures'
import { closeAll } from './helpers'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// The browser is a Debian package (see TOOLCHAIN.md); without it only this file is skipped.
const describeWithBrowser = existsSync(chromium) ? describe : describe.skip

jest.setTimeout(60_000)

let browser: Browser | undefined
afterEach(async () => {
  await browser?.close()
  browser = undefined
  await closeAll()
})

describeWithBrowser('cashier page in a phone-sized browser (390×844)', () => {
  it('when a person pays, then the page passes axe, fits the screen, has large buttons and pays the order', async () => {
    const running = await startAlipay()
    const no = orderNo()
    await exec(running.sdk, 'alipay.trade.create', {
      outTradeNo: no,
      totalAmount: '120.00',
      subject: '燃气充值 户号1000000001',
      buyerId: BUYER_ID,
    })
    const back = `${running.url}/healthz`
    browser = await openBrowser()
    const page = await browser.context.newPage()
    await page.goto(`${running.url}/cashier/${no}?return=${encodeURIComponent(back)}`)

    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    const fits = await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')
    expect(fits).toBe(true)
    const pay = page.getByRole('button', { name: '确认支付' })
    const cancel = page.getByRole('button', { name: '取消支付' })
    for (const button of [pay, cancel]) {
      const box = await button.boundingBox()
      expect(box?.height).toBeGreaterThanOrEqual(48)
      expect(box?.width).toBeGreaterThanOrEqual(300)
    }
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('确认付款')

    await pay.click()
    await page.waitForURL(back)
    const query = await exec(running.sdk, 'alipay.trade.query', { outTradeNo: no })
    expect(query.tradeStatus).toBe('TRADE_SUCCESS')
  })
})
