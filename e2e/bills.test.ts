import type { Page } from 'playwright-core'
import { BASE_URL, shot, browserForTests } from './browser'
import { checkScreen, current, logInAndBind, modes, readAloud } from './resident'

/*
 * 账单 in the H5 build against the sandbox, in normal and elderly mode: the resident reads what
 * is owed (with 滞纳金 when there is one), opens a bill to its lines (阶梯, 滞纳金), hears the
 * owed amount read aloud, pays exactly that through the sandbox cashier, follows the order to
 * 已入账, and comes back to a page that owes nothing. Each mode pays its own persona: the
 * arrears household 1000000005 (overdue, late fees) and 张伟 1000000003 (a bill across two
 * tiers). Screenshots: docs/screens/bills-pay-*.png (the first 390×844 screen).
 */
const personas = { normal: '1000000005', elder: '1000000003' } as const

// The first screen only: 立即缴费 must be visible without scrolling, in both modes.
const billShot = (page: Page, name: string) =>
  shot(page, `bills-pay-${name}`, { firstScreenOnly: true })

interface Due {
  amountDueFen: number
  lateFeeFen: number
}

/** Opens 账单 and returns what the BFF told the page is owed. */
async function openBills(page: Page): Promise<Due> {
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'GET' && /\/bills$/.test(new URL(r.url()).pathname),
  )
  await page.goto(`${BASE_URL}/#/pages/bills/index`)
  const res = await answer
  expect(res.status()).toBe(200)
  return ((await res.json()) as { due: Due }).due
}

const yuan = (fen: number) =>
  `¥${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`

describe.each(modes)('bills in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()

  test('when a resident opens 账单, reads a bill’s lines and pays what is owed, then the order reaches 已入账 and nothing is owed', async () => {
    const accountNo = personas[mode]
    const page = await browser.context.newPage()
    await logInAndBind(page, query, accountNo)

    const due = await openBills(page)
    await current(page).getByRole('heading', { name: '账单', exact: true }).waitFor()
    const owedText = await current(page).locator('.bills-owed__amount').innerText()
    expect(due.amountDueFen).toBeGreaterThan(0)
    expect(owedText).toBe(yuan(due.amountDueFen))
    if (due.lateFeeFen > 0) {
      await current(page)
        .getByText(`含滞纳金 ${yuan(due.lateFeeFen)}`)
        .waitFor()
    }
    await current(page)
      .getByRole('button', { name: `立即缴费${yuan(due.amountDueFen)}` })
      .waitFor()
    await billShot(page, mode)
    await checkScreen(page, min)
    // Taro's H5 page scrolls inside its own container: scroll to the list for its picture.
    await current(page).locator('.bill-list').scrollIntoViewIfNeeded()
    await billShot(page, `list-${mode}`)

    const spoken = await readAloud(page, '朗读本页：应缴金额和账单')
    expect(spoken).toMatch(/^账单。应缴金额[零一二两三四五六七八九十百千万元角分]+/)
    expect(spoken).toContain('张账单未交。')
    if (due.lateFeeFen > 0) expect(spoken).toContain('，其中滞纳金')

    // The newest unpaid bill opens to its lines: tier volume × price, and the late fee if any.
    const unpaid = current(page).getByRole('button', { name: /未缴\s*明细/ })
    const target =
      due.lateFeeFen > 0 ? unpaid.filter({ hasText: '已逾期' }).first() : unpaid.first()
    await target.click()
    const details = current(page).locator('.bill-item__details').first()
    await details.getByText('第一阶梯', { exact: true }).waitFor()
    await expect(details.locator('.bill-line__explanation').first().innerText()).resolves.toMatch(
      /^[\d.]+ m³ × \d+\.\d{2} 元\/m³ = [\d.]+ 元$/,
    )
    if (due.lateFeeFen > 0) await details.getByText(/^滞纳金（逾期 \d+ 天）$/).waitFor()
    else await details.getByText('第二阶梯', { exact: true }).waitFor()
    await details.scrollIntoViewIfNeeded()
    await billShot(page, `lines-${mode}`)
    await checkScreen(page, min)

    // 立即缴费 pays exactly the owed amount at the cashier, then the order page follows it.
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/payments$/.test(new URL(r.url()).pathname),
    )
    await current(page)
      .getByRole('button', { name: `立即缴费${yuan(due.amountDueFen)}` })
      .click()
    // The body sent, not the answer's: the page has already left for the cashier.
    const sent = (await created).request().postDataJSON() as { amountFen: number }
    expect(sent.amountFen).toBe(due.amountDueFen)
    await page.waitForURL(/\/cashier\//)
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.waitForURL(/pages\/orders\/detail/)
    await current(page).getByRole('heading', { name: '订单详情' }).waitFor()
    await current(page)
      .locator('.order-status__state')
      .getByText('已入账')
      .waitFor({ timeout: 60_000 })
    const timeline = await current(page).locator('.order-timeline').innerText()
    expect(timeline.indexOf('已支付')).toBeLessThan(timeline.indexOf('已入账'))

    await page.goto(`${BASE_URL}/#/pages/bills/index`)
    await current(page).getByText('目前没有待缴费用', { exact: false }).waitFor()
    await expect(current(page).locator('.bills-owed__amount').innerText()).resolves.toBe('¥0.00')
    await expect(current(page).getByRole('button', { name: /未缴/ }).count()).resolves.toBe(0)
    await billShot(page, `paid-${mode}`)
    await checkScreen(page, min)
    await page.close()
  })
})
