import { BASE_URL, browserForTests } from './browser'
import { current, logInBySms } from './resident'

/*
 * Taro's H5 showModal draws a 15px dialog whatever the mode; in elderly mode the app's one modal
 * helper makes it as readable as the page that asks (text ≥ 18 px, buttons ≥ 60 px tall) and a
 * named dialog whose buttons a keyboard reaches. Asked here by 注销账号 on 我的数据, then
 * answered 取消, so nothing is deleted.
 */
describe('a confirmation dialog in elderly mode', () => {
  const browser = browserForTests()

  test('when 注销账号 asks to confirm, then its text is at least 18 px, its buttons at least 60 px tall, and 取消 keeps the account', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${BASE_URL}/#/pages/login/index?elder=1`)
    await logInBySms(page)
    // Logged in once the app has moved on to 我的户号; navigating earlier loses the session.
    await current(page).getByRole('heading', { name: '我的户号' }).waitFor()
    await page.goto(`${BASE_URL}/#/pages/my-data/index`)
    await current(page).getByRole('button', { name: '注销账号' }).click()

    const dialog = page.getByRole('dialog', { name: '注销账号' })
    await dialog.waitFor()
    const sizes = await dialog.evaluate((el) => {
      const px = (selector: string) =>
        parseFloat(getComputedStyle(el.querySelector(selector) as Element).fontSize)
      const heights = Array.from(el.querySelectorAll('[role="button"]'), (b) =>
        Math.round(b.getBoundingClientRect().height),
      ).filter((h) => h > 0)
      return { title: px('.taro-modal__title'), text: px('.taro-modal__text'), heights }
    })
    expect(sizes.title).toBeGreaterThanOrEqual(18)
    expect(sizes.text).toBeGreaterThanOrEqual(18)
    expect(sizes.heights).toHaveLength(2)
    for (const h of sizes.heights) expect(h).toBeGreaterThanOrEqual(60)

    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await current(page).getByRole('heading', { name: '我的数据' }).waitFor()
    await page.close()
  })
})
