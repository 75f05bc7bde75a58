import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, settled, shot } from './browser'
import { bindBySms, bindShown, checkScreen, current, logInBySms, modes } from './resident'

/*
 * A newcomer's first minute in the H5 build, in normal and elderly mode: a new resident opens
 * 交燃气费 (or 账单), is asked to log in, logs in, binds an account from the page's own prompt,
 * and comes back to that page, which now shows the account's top-up form (or its bills). The
 * app is loaded once per journey: every step is a tap, so each page must refresh what it shows
 * by itself when it is shown again. Screenshots: docs/screens/newcomer-*.png (the first screen).
 */

/**
 * The IoT persona (top-ups) and a postpaid gas account per mode (monthly bills): the SMS gateway
 * sends one code a minute to a phone, and each mode's newcomer asks one of its reserved phone.
 */
const personas = {
  recharge: '1000000001',
  bills: { normal: '1000000010', elder: '1000000003' },
} as const

const spaced = (accountNo: string) =>
  `${accountNo.slice(0, 4)} ${accountNo.slice(4, 8)} ${accountNo.slice(8)}`

/** Opens the app at `route` and marks the loaded document, to tell later whether it reloaded. */
async function openOnce(page: Page, route: string): Promise<void> {
  await page.goto(`${BASE_URL}/#${route}`)
  await page.evaluate(() => Object.assign(window, { newcomerDocument: true }))
}

const sameDocument = (page: Page) => page.evaluate(() => 'newcomerDocument' in window)

/** From the page's 请先登录 card to the login page and back, logged in as a new resident. */
async function logInFromPrompt(page: Page, title: string): Promise<void> {
  await current(page).getByRole('button', { name: '去登录' }).click()
  await logInBySms(page)
  await current(page).getByRole('heading', { name: title, exact: true }).waitFor()
}

describe.each(modes)('a newcomer in $mode mode', ({ mode, query, ...min }) => {
  // A browser (a fresh profile) per journey: nobody is logged in when it starts.
  const browser = browserForTests({ perTest: true })

  const firstScreen = async (page: Page, name: string) => {
    await settled(page)
    await shot(page, `newcomer-${name}-${mode}`, { firstScreenOnly: true })
  }

  test('when a new resident starts at 交燃气费, logs in and binds from its prompt, then coming back shows the top-up form for that account', async () => {
    const page = await browser.context.newPage()
    await openOnce(page, `/pages/recharge/index${query}`)
    await current(page).getByRole('heading', { name: '交燃气费', exact: true }).waitFor()
    await current(page).getByText('请先登录').waitFor()
    await current(page).getByText('登录并绑定户号后可以充值').waitFor()
    await firstScreen(page, 'recharge-login')
    await checkScreen(page, min)

    await logInFromPrompt(page, '交燃气费')
    await current(page).getByText('还没有绑定户号').waitFor()
    await current(page).getByText('绑定户号后才能充值。').waitFor()
    await expect(current(page).getByText('请先登录').count()).resolves.toBe(0)
    await firstScreen(page, 'recharge-unbound')
    await checkScreen(page, min)

    await current(page).getByRole('button', { name: '去绑定户号' }).click()
    await bindShown(page, personas.recharge)
    await current(page).getByRole('heading', { name: '交燃气费', exact: true }).waitFor()
    await current(page).getByText('当前余额约可用').waitFor()
    await current(page).getByRole('radio').first().waitFor()
    await current(page).getByRole('button', { name: '去支付' }).waitFor()
    await current(page).getByText(spaced(personas.recharge)).first().waitFor()
    await expect(current(page).getByText('还没有绑定户号').count()).resolves.toBe(0)
    await firstScreen(page, 'recharge-form')
    await checkScreen(page, min)

    expect(await sameDocument(page)).toBe(true)
    await page.close()
  })

  test('when a new resident starts at 账单, logs in and binds from its prompt, then coming back shows that account’s bills', async () => {
    const page = await browser.context.newPage()
    await openOnce(page, `/pages/bills/index${query}`)
    await current(page).getByRole('heading', { name: '账单', exact: true }).waitFor()
    await current(page).getByText('请先登录').waitFor()
    await current(page).getByText('登录并绑定户号后，可以查看账单和缴费记录').waitFor()
    await firstScreen(page, 'bills-login')
    await checkScreen(page, min)

    await logInFromPrompt(page, '账单')
    await current(page).getByText('还没有绑定户号').waitFor()
    await current(page).getByText('绑定户号后，账单会显示在这里。').waitFor()
    await expect(current(page).getByText('请先登录').count()).resolves.toBe(0)
    await firstScreen(page, 'bills-unbound')
    await checkScreen(page, min)

    // What the BFF answers for the new account is what the page must show.
    const answer = page.waitForResponse(
      (r) =>
        r.request().method() === 'GET' &&
        new URL(r.url()).pathname.endsWith(`/accounts/${personas.bills[mode]}/bills`),
    )
    // This newcomer binds the recommended way: a code sent to the account's reserved phone.
    await current(page).getByRole('button', { name: '去绑定户号' }).click()
    await bindBySms(page, personas.bills[mode], async () => {
      await firstScreen(page, 'bills-bind-sms')
      await checkScreen(page, min)
    })
    const res = await answer
    expect(res.status()).toBe(200)
    const { bills } = (await res.json()) as { bills: unknown[] }
    expect(bills.length).toBeGreaterThan(0)
    await current(page).getByRole('heading', { name: '账单', exact: true }).waitFor()
    await current(page).getByText(`全部账单（${bills.length}）`).waitFor()
    await current(page).locator('.bills-owed__amount').waitFor()
    await current(page).getByText(spaced(personas.bills[mode])).first().waitFor()
    await expect(current(page).getByText('还没有绑定户号').count()).resolves.toBe(0)
    await firstScreen(page, 'bills-list')
    await checkScreen(page, min)

    expect(await sameDocument(page)).toBe(true)
    await page.close()
  })
})
