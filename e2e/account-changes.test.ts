import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import {
  checkScreen,
  current,
  fill,
  logInAndBind,
  modes,
  readAloud,
  sandboxAccounts,
  type SandboxAccount,
} from './resident'

/*
 * 过户·销户·信息变更 in the H5 build against the sandbox, in normal and elderly mode, each on its
 * own generated gas account (no other journey uses them, and a 信息变更 only changes the phone once
 * the sandbox clock has passed its review). From 我的 the resident opens the page, reads what
 * each kind needs, submits a new contact phone and follows the request under review.
 * Screenshots: docs/screens/account-changes-*-normal.png / -elder.png.
 */

/**
 * Two active postpaid gas accounts far down the generated listing (numbered from 2000000001; the
 * personas are shared with every other journey), one per mode.
 */
async function accountsForModes(): Promise<Record<'normal' | 'elder', SandboxAccount>> {
  const found = (await sandboxAccounts(9)).filter(
    (a) => a.accountNo.startsWith('2') && a.kind === 'postpaid_gas' && a.status === 'active',
  )
  const [normal, elder] = found.slice(-2)
  if (!normal || !elder) throw new Error('no postpaid gas accounts on the sandbox listing')
  return { normal, elder }
}

async function answer(page: Page, text: string): Promise<void> {
  const button = page.locator('.taro-model__confirm', { hasText: text })
  await button.click()
  await button.waitFor({ state: 'hidden' })
}

describe.each(modes)('过户·销户·信息变更 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()
  const changeShot = (page: Page, name: string) => shot(page, `account-changes-${name}-${mode}`)

  test('when a holder asks to change the contact phone from 我的, then the request shows under review and is read aloud', async () => {
    const account = (await accountsForModes())[mode]
    const page = await browser.context.newPage()
    await logInAndBind(page, query, account.accountNo)

    await page.goto(`${BASE_URL}/#/pages/me/index`)
    await current(page)
      .getByRole('button', { name: /^过户·销户·信息变更/ })
      .click()
    await current(page).getByRole('heading', { name: '过户·销户·信息变更' }).waitFor()
    await current(page).getByText('还没有申请记录').waitFor()

    await current(page).getByRole('button', { name: '信息变更', exact: true }).click()
    await current(page)
      .getByText(/修改预留的联系电话/)
      .waitFor()
    await fill(page, '新的联系电话', '13911112222')
    await changeShot(page, 'form')
    await checkScreen(page, min)

    await current(page).getByRole('button', { name: '提交信息变更申请' }).click()
    await answer(page, '知道了')
    await current(page).getByText('联系电话改为 139****2222').waitFor()
    await current(page).getByText('已提交', { exact: true }).waitFor()
    await current(page).getByText('有一件申请正在办理，办结后可以再申请').waitFor()
    await changeShot(page, 'submitted')
    await checkScreen(page, min)

    const heard = await readAloud(page, '朗读本页：办理情况')
    expect(heard).toContain('信息变更申请，已提交。')
    expect(heard).toContain('有一件申请正在办理')
    await page.close()
  })
})
