import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import {
  SANDBOX_URL,
  checkScreen,
  current,
  logInAndBind,
  modes,
  readAloud,
  sandboxAccounts,
} from './resident'

/*
 * 安全自查 and 入户安检 in the H5 build against the sandbox, in normal and elderly mode, each
 * with a gas account stopped after a failed inspection (the persona 赵磊 1000000006 in normal
 * mode; a seeded suspended gas account, picked by its data, in elderly mode). From 首页 the
 * resident sees what failed; on 安全用气 → 安全自查 answers with a rubber hose and a stove
 * without flame-out protection, is told why, and books the 复检 from there; the sandbox's
 * inspector passes it and the page says gas is back. Screenshots:
 * docs/screens/safety-*-normal.png / -elder.png.
 */

async function suspendedGasAccount(mode: 'normal' | 'elder'): Promise<string> {
  if (mode === 'normal') return '1000000006'
  const found = (await sandboxAccounts()).find(
    (a) => a.status === 'suspended' && a.kind !== 'heating' && !a.accountNo.startsWith('10000000'),
  )
  if (!found) throw new Error('no suspended gas account in the first page of the sandbox')
  return found.accountNo
}

/** The sandbox inspector passes the account's booked visit now. */
async function passBookedInspection(accountNo: string): Promise<void> {
  const res = await fetch(`${SANDBOX_URL}/workorders/v1/inspections?accountNo=${accountNo}`)
  const list = (await res.json()) as { inspections: { inspectionId: string; status: string }[] }
  const booked = list.inspections.find((i) => i.status === 'booked')
  if (!booked) throw new Error('no booked inspection')
  const done = await fetch(
    `${SANDBOX_URL}/sandbox/workorders/inspections/${booked.inspectionId}/complete`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ result: 'pass' }),
    },
  )
  expect(done.status).toBe(200)
}

/** Answers Taro's H5 dialog with the button that says `text`. */
async function answer(page: Page, text: string): Promise<void> {
  const button = page.locator('.taro-model__confirm', { hasText: text })
  await button.click()
  await button.waitFor({ state: 'hidden' })
}

const chip = (page: Page, name: string) =>
  current(page).getByRole('button', { name, exact: true }).click()

describe.each(modes)('安全 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()
  const safetyShot = (page: Page, name: string) => shot(page, `safety-${name}-${mode}`)

  test('when a suspended resident answers the self-check with risks and books the 复检 it offers, then after the inspector passes it the page says gas is back', async () => {
    const accountNo = await suspendedGasAccount(mode)
    const page = await browser.context.newPage()
    await logInAndBind(page, query, accountNo)

    // 首页: the stopped supply, and the way to what failed.
    await page.goto(`${BASE_URL}/#/pages/index/index`)
    await current(page).getByText('⚠ 该户已停止供气').waitFor()
    await current(page).getByRole('button', { name: '查看安检结果，预约复检' }).click()
    await current(page).getByRole('heading', { name: '入户安检', exact: true }).waitFor()
    await current(page).getByText('⚠ 安检不合格，已停止供气').waitFor()
    await current(page).getByText('橡胶软管老化开裂，已超过使用年限，需更换为金属波纹管').waitFor()
    await current(page).getByRole('button', { name: '预约复检', exact: true }).waitFor()
    await safetyShot(page, 'inspections-failed')
    await checkScreen(page, min)
    const failed = await readAloud(page, '朗读本页：入户安检')
    expect(failed).toContain('安检不合格，已停止供气')
    expect(failed).toContain('隐患：燃气热水器烟道脱落，废气排入室内')

    // 安全用气 → 安全自查: risky answers, each with why, and the offer to book.
    await page.goto(`${BASE_URL}/#/pages/safety/index`)
    await current(page)
      .getByRole('button', { name: /^安全自查/ })
      .click()
    await current(page).getByRole('heading', { name: '安全自查', exact: true }).waitFor()
    await chip(page, '没有安装')
    await chip(page, '橡胶软管')
    await chip(page, '没有')
    if (await current(page).getByText('热水器怎么排烟？').isVisible()) {
      await chip(page, '强排（带风机）')
    }
    await current(page).getByRole('button', { name: '保存自查结果' }).click()
    const result = current(page).locator('.self-check-result')
    await result.getByText('⚠ 灶具没有熄火保护').waitFor()
    await result.getByText('⚠ 橡胶软管已超过18个月或不清楚安装时间').waitFor()
    await result.getByText(/^没有熄火保护，汤水溢出或风把火吹灭后，燃气会一直漏出来/).waitFor()
    await result.scrollIntoViewIfNeeded()
    await safetyShot(page, 'self-check')
    await checkScreen(page, min)
    const risks = await readAloud(page, '朗读本页：安全自查')
    expect(risks).toContain('没有安装燃气报警器')
    expect(risks).toContain('灶具没有熄火保护。没有熄火保护，汤水溢出或风把火吹灭后')

    // The 复检 booked from the self-check, in the first free slot.
    await result.getByRole('button', { name: '预约上门安检' }).click()
    await current(page).getByRole('heading', { name: '入户安检', exact: true }).waitFor()
    const free = current(page)
      .locator('.inspection-slots__item')
      .filter({ hasNotText: '已约满' })
      .first()
    await free.click()
    await current(page).getByRole('button', { name: '预约复检', exact: true }).click()
    await page.getByRole('dialog', { name: '已预约复检' }).waitFor()
    await answer(page, '知道了')
    const next = current(page).locator('.inspection-next')
    await next.getByText('已预约复检').waitFor()
    await next.getByRole('button', { name: '改约时间' }).waitFor()
    await safetyShot(page, 'inspection-booked')
    await checkScreen(page, min)

    // The inspector passes it: gas is back, and the page says so.
    await passBookedInspection(accountNo)
    await page.reload()
    await current(page).getByText('✓ 复检合格，已恢复供气').waitFor()
    await current(page).getByRole('button', { name: '去充值' }).waitFor()
    await safetyShot(page, 'restored')
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：入户安检')).toContain('复检合格，已恢复供气')
    await page.close()
  })
})
