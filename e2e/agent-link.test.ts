import path from 'node:path'
import { BASE_URL, SCREENS_DIR, browserForTests } from './browser'
import { checkScreen, current, logInBySms, modes } from './resident'

/*
 * 客服链接 in the H5 build: an agent (through the workbench's /ops/agent-links, with the
 * operator token the e2e stack runs with) sends a link for the IoT persona; the resident logs
 * in, sees the masked account and who sent it, confirms, and lands on 交燃气费 for that account
 * without typing any proof. Screenshots: agent-link-*.png.
 */
const ACCOUNT = '1000000001'

async function issueLink(): Promise<string> {
  const res = await fetch(`${BASE_URL}/ops/agent-links`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${process.env.OPS_TOKEN ?? ''}`,
      'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ accountNo: ACCOUNT, page: 'recharge', agentName: '客服 0231' }),
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { path: string }
  return body.path
}

describe.each(modes)('an agent’s link in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()

  test('when the resident opens it and confirms, then the account is bound and 交燃气费 opens for it', async () => {
    const linkPath = await issueLink()
    const page = await browser.context.newPage()
    await page.goto(`${BASE_URL}/#${linkPath}${query.replace('?', '&')}`)
    await current(page).getByRole('button', { name: '去登录' }).click()
    await logInBySms(page)

    await current(page).getByText('客服 0231 为您发来链接').waitFor()
    await current(page).getByText('户号：100****001').waitFor()
    expect(await current(page).innerText()).not.toContain(ACCOUNT)
    await page.screenshot({ path: path.join(SCREENS_DIR, `agent-link-${mode}.png`) })
    await checkScreen(page, min)

    await current(page).getByRole('button', { name: '确认绑定' }).click()
    await current(page).getByRole('heading', { name: '交燃气费' }).waitFor()
    await current(page).getByText('当前余额约可用').waitFor()
    await page.close()
  })
})
