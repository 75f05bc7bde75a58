import type { Page } from 'playwright-core'
import { BASE_URL, shot, browserForTests } from './browser'
import { agreeToTerms, checkScreen, current, fill, modes, smsCode } from './resident'

/*
 * Logging in and managing accounts in the H5 build against the sandbox: log in by SMS (the code read from the sandbox's
 * inbox), bind two persona accounts, switch between them, unbind one, see 我的数据 and 注销 —
 * in normal and elderly mode, with screenshots in docs/screens/auth-*.png.
 */

const authShot = (page: Page, name: string) => shot(page, `auth-${name}`)

async function bind(page: Page, accountNo: string, name: string, last4: string, label: string) {
  await current(page).getByRole('button', { name: '绑定新户号' }).click()
  await current(page).getByRole('heading', { name: '绑定户号' }).waitFor()
  await fill(page, '户号', accountNo)
  await current(page)
    .getByRole('button', { name: /^户主姓名验证/ })
    .click()
  await fill(page, '户主姓名', name)
  await fill(page, '预留手机号后4位', last4)
  await current(page).getByRole('button', { name: label, exact: true }).click()
  await current(page).getByRole('button', { name: '绑定', exact: true }).click()
  await current(page).getByRole('heading', { name: '我的户号' }).waitFor()
  await current(page).getByText(label, { exact: true }).first().waitFor()
}

describe.each(modes)('accounts in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()

  test('when a resident logs in by SMS, binds two accounts, switches and unbinds one, then every step shows and reads right', async () => {
    const page = await browser.context.newPage()
    const phone = `137${String(Date.now()).slice(-8)}`

    await page.goto(`${BASE_URL}/#/pages/login/index${query}`)
    await current(page).getByRole('heading', { name: '登录' }).waitFor()
    await fill(page, '手机号', phone)
    // No code is sent before 用户协议/隐私政策 are agreed to; the box is never pre-ticked.
    await current(page).getByRole('button', { name: '获取验证码' }).click()
    await current(page).getByText('请先阅读并勾选同意《用户协议》和《隐私政策》').waitFor()
    await current(page).getByRole('link', { name: '隐私政策' }).click()
    await current(page).getByRole('heading', { name: '隐私政策' }).waitFor()
    await current(page)
      .getByText(/大致位置：/)
      .waitFor()
    await authShot(page, `privacy-policy-${mode}`)
    await checkScreen(page, min)
    await page.goBack()
    await agreeToTerms(page)
    await current(page).getByRole('button', { name: '获取验证码' }).click()
    await current(page)
      .getByText(/验证码已发送到 137\*\*\*\*/)
      .waitFor()
    await fill(page, '验证码', await smsCode(phone))
    await authShot(page, `login-${mode}`)
    await checkScreen(page, min)
    await current(page).getByRole('button', { name: '登录', exact: true }).click()

    await current(page).getByRole('heading', { name: '我的户号' }).waitFor()
    await current(page).getByText('还没有绑定户号').waitFor()

    // An unknown account is refused with the words of a wrong proof. (A persona account is not
    // used: repeated runs on one stack would lock it out, as they should.)
    await current(page).getByRole('button', { name: '绑定新户号' }).click()
    await fill(page, '户号', '1999999999')
    await current(page)
      .getByRole('button', { name: /^户主姓名验证/ })
      .click()
    await fill(page, '户主姓名', '王')
    await fill(page, '预留手机号后4位', '0001')
    await current(page).getByRole('button', { name: '绑定', exact: true }).click()
    await current(page)
      .getByRole('alert')
      .getByText(/户号或户主信息不正确/)
      .waitFor()
    await authShot(page, `bind-error-${mode}`)
    await checkScreen(page, min)
    await page.goBack()

    await bind(page, '1000000001', '王', '0001', '我家')
    await bind(page, '1000000002', '李秀英', '0002', '父母家')

    // The last bound is current; switch back to 我家 with the switcher.
    const switcher = current(page).locator('.account-switcher')
    await expect(switcher.locator('.account-switcher__title').innerText()).resolves.toBe('父母家')
    await switcher.getByRole('button', { name: /切换户号/ }).click()
    await switcher.getByRole('button', { name: /^我家/ }).click()
    await expect(switcher.locator('.account-switcher__title').innerText()).resolves.toBe('我家')
    await authShot(page, `accounts-${mode}`)
    await checkScreen(page, min)
    const text = await current(page).innerText()
    expect(text).not.toContain('王建国')
    expect(text).not.toContain('李秀英')

    await current(page).getByRole('button', { name: '解绑父母家' }).click()
    await page.locator('.taro-model__confirm', { hasText: '解绑' }).click()
    await current(page).getByText('全部户号（1）').waitFor()
    expect(await current(page).locator('.account-card').count()).toBe(1)

    await page.goto(`${BASE_URL}/#/pages/family/index?accountNo=1000000001`)
    await current(page).getByRole('button', { name: '生成邀请码' }).click()
    await current(page).locator('.family-invite__code').waitFor()
    await current(page).getByText('（您）').waitFor()
    await authShot(page, `family-${mode}`)
    await checkScreen(page, min)

    await page.goto(`${BASE_URL}/#/pages/my-data/index`)
    await current(page).getByText('绑定的户号', { exact: true }).waitFor()
    expect(await current(page).innerText()).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    expect(await current(page).innerText()).not.toContain(phone)
    await authShot(page, `my-data-${mode}`)
    await checkScreen(page, min)

    await current(page).getByRole('button', { name: '注销账号' }).click()
    await page.locator('.taro-model__confirm', { hasText: '继续注销' }).click()
    await page.locator('.taro-model__confirm', { hasText: '确认注销' }).click()
    await page.waitForFunction(() => localStorage.getItem('gh.session.token') === null)
    await page.goto(`${BASE_URL}/#/pages/accounts/index`)
    await page.reload()
    await current(page).getByText('请先登录').waitFor()
    await page.close()
  })
})
