import { BASE_URL, SCREENS_DIR, openBrowser, shot, type Browser } from './browser'
import { checkScreen, current, logInAndBind, logInBySms, modes, readAloud } from './resident'

/*
 * 请家人代缴 in the H5 build against the sandbox: the holder of the IoT persona 1000000001 makes
 * a ¥100 card on 交燃气费; a family member who is not bound opens the link in another browser,
 * logs in, sees only the masked account and the amount, pays at the sandbox cashier and follows
 * the money to the meter on the card's page. Screenshots: share-*.png (SHARE_SHOTS_DIR to put
 * them elsewhere).
 */
const ACCOUNT = '1000000001'
const SHOTS = process.env.SHARE_SHOTS_DIR ?? SCREENS_DIR

describe.each(modes)('pay for family in $mode mode', ({ mode, query, ...min }) => {
  let holder: Browser
  let family: Browser
  beforeAll(async () => {
    holder = await openBrowser()
    family = await openBrowser()
  })
  afterAll(async () => {
    await holder?.close()
    await family?.close()
  })

  test('when the holder shares a ¥100 top-up, then a family member who is not bound pays it and sees it arrive', async () => {
    const page = await holder.context.newPage()
    await logInAndBind(page, query, ACCOUNT)
    await page.goto(`${BASE_URL}/#/pages/recharge/index`)
    await current(page).getByText('当前余额约可用').waitFor()
    await current(page)
      .getByRole('radio', { name: /^¥100(?!\d)/ })
      .click()
    await current(page)
      .getByRole('button', { name: /请家人代缴/ })
      .click()
    await current(page).getByText('代缴链接已生成').waitFor()
    const link = await current(page).locator('.family-pay__link').innerText()
    expect(link).toMatch(/\/#\/pages\/share-pay\/index\?t=[A-Za-z0-9_-]{22}$/)
    await current(page).locator('.family-pay__qr img').waitFor()
    // The page scrolls inside Taro's page element, so the full-page shot is the viewport.
    await current(page).locator('.family-pay').scrollIntoViewIfNeeded()
    await shot(page, `share-made-${mode}`, { dir: SHOTS })
    await checkScreen(page, min)

    const payer = await family.context.newPage()
    await payer.goto(`${link}${query.replace('?', '&')}`)
    await current(payer).getByRole('heading', { name: '家人请您代缴' }).waitFor()
    await current(payer).getByRole('button', { name: '去登录' }).click()
    await logInBySms(payer)
    // Back on the card, with its token: the family member binds nothing.
    await current(payer).getByText('¥100.00').waitFor()
    await current(payer).getByText('100****001').waitFor()
    expect(await current(payer).innerText()).not.toContain(ACCOUNT)
    await shot(payer, `share-pay-${mode}`, { dir: SHOTS })
    await checkScreen(payer, min)
    const spoken = await readAloud(payer, '朗读本页：缴费项目、金额和户号')
    expect(spoken).toContain('家人请您代缴。燃气充值，一百元。户号尾号零零一。')

    await current(payer).getByRole('button', { name: '去支付' }).click()
    await payer.waitForURL(/\/cashier\//)
    await payer.getByRole('button', { name: '确认支付' }).click()
    await payer.waitForURL(/pages\/share-pay\/index\?t=.*&orderNo=/)
    await current(payer)
      .locator('.order-status__state')
      .getByText('气表已到账')
      .waitFor({ timeout: 60_000 })
    await current(payer).getByText('已是最终结果').waitFor()
    await current(payer).getByText('户号：100****001').waitFor()
    await shot(payer, `share-paid-${mode}`, { dir: SHOTS })
    await checkScreen(payer, min)
    await payer.close()
    await page.close()
  })
})
