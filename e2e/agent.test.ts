import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import {
  checkScreen,
  current,
  fill,
  logInBySms,
  modes,
  SANDBOX_URL,
  type SandboxAccount,
} from './resident'

/*
 * 客服工作台 in the H5 build: the 客服 kf01 (a development agent seeded into the e2e stack)
 * logs in, finds a household in arrears, sees what it owes and sends it a 缴纳账单 task; the
 * resident, in 长辈模式, opens the task's H5 link, logs in, confirms the binding the link
 * grants, and pays the bill at the sandbox cashier; the agent's 我的任务 then shows the task
 * 已完成; a 主管 then reads the 审计记录 and exports it as CSV. One browser holds both sides (their sessions live under different keys), so the
 * journey also shows that neither session disturbs the other. Screenshots: agent-*.png.
 */
const [normal, elder] = modes

/**
 * A generated household in arrears with overdue bills, past the ones 首页 reads, so no other
 * journey pays it off underneath this one.
 */
async function householdInArrears(): Promise<string> {
  let seen = 0
  for (let page = 1; page <= 5; page++) {
    const res = await fetch(`${SANDBOX_URL}/sandbox/accounts?page=${page}&pageSize=200`)
    const listing = (await res.json()) as { generated: { items: SandboxAccount[] } }
    for (const account of listing.generated.items) {
      if (account.kind !== 'postpaid_gas' || account.status !== 'arrears') continue
      const summary = await fetch(`${SANDBOX_URL}/billing/v1/accounts/${account.accountNo}/summary`)
      const due = (await summary.json()) as { overdueBillCount?: number; amountDueFen?: number }
      if ((due.overdueBillCount ?? 0) === 0 || (due.amountDueFen ?? 0) === 0) continue
      if (++seen > 4) return account.accountNo
    }
  }
  throw new Error('the sandbox listing holds too few households in arrears')
}

async function agentShot(page: Page, name: string, min: (typeof modes)[number]) {
  await shot(page, name)
  await checkScreen(page, min)
}

describe('客服工作台', () => {
  const browser = browserForTests()

  test('when an agent sends a 缴纳账单 task and the resident in 长辈模式 opens it and pays, then the agent’s task list shows it 已完成', async () => {
    const accountNo = await householdInArrears()
    const agent = await browser.context.newPage()
    await agent.goto(`${BASE_URL}/#/pages-agent/login/index?elder=0`)
    await current(agent).getByRole('heading', { name: '客服工作台' }).waitFor()

    // A wrong password is refused in words, beside the button.
    await fill(agent, '工号', 'kf01')
    await fill(agent, '密码', 'not-the-password')
    await current(agent).getByRole('button', { name: '登录', exact: true }).click()
    await current(agent).getByRole('alert').getByText('工号或密码不正确').waitFor()
    await agentShot(agent, 'agent-login-normal', normal)

    await fill(agent, '密码', 'kf01-dev-Passw0rd')
    await current(agent).getByRole('button', { name: '登录', exact: true }).click()
    await current(agent).getByRole('heading', { name: '查户号' }).waitFor()
    await current(agent).getByText('客服 0231（客服 · 客服中心）').waitFor()
    await fill(agent, '户号或手机号', accountNo)
    await current(agent).getByRole('button', { name: '查找', exact: true }).click()
    await current(agent).getByText('找到 1 个户号').waitFor()
    // Masked: the holder's name and phone never show in full.
    const hit = current(agent).getByRole('button', { name: new RegExp(`户号 ${accountNo}`) })
    await expect(hit.innerText()).resolves.toMatch(/户主 \S\*+ · 手机 1\d{2}\*{4}\d{4}/)
    await agentShot(agent, 'agent-search-normal', normal)

    await hit.click()
    await current(agent).getByRole('heading', { name: '户号详情' }).waitFor()
    await current(agent).getByText('欠费（已逾期）').waitFor()
    await agentShot(agent, 'agent-account-normal', normal)

    const created = agent.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/agent\/tasks$/.test(new URL(r.url()).pathname),
    )
    await current(agent)
      .getByRole('group', { name: '任务类型' })
      .getByRole('button', { name: '缴纳账单' })
      .click()
    await current(agent).getByRole('button', { name: '生成任务链接' }).click()
    const task = (await (await created).json()) as { h5Url: string; scene: string }
    await current(agent).getByText('已生成任务：缴纳账单').waitFor()
    await current(agent).getByText(task.h5Url).waitFor()
    const codes = current(agent).locator('.agent-qr img')
    await codes.first().waitFor()
    // Every code carries its words for a screen reader (its alt), the QR code for any camera.
    const alts = await codes.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt')))
    expect(alts).toContain('二维码，请居民用手机扫一扫')
    await current(agent).locator('.agent-qr').scrollIntoViewIfNeeded()
    await agentShot(agent, 'agent-task-normal', normal)

    // The resident, on their own phone in 长辈模式: the link's page of this build.
    const resident = await browser.context.newPage()
    const linkPath = task.h5Url.slice(task.h5Url.indexOf('#') + 1)
    await resident.goto(`${BASE_URL}/#${linkPath}&elder=1`)
    await current(resident).getByRole('button', { name: '去登录' }).click()
    await logInBySms(resident)
    await current(resident).getByText('客服 0231 为您发来链接').waitFor()
    await agentShot(resident, 'agent-resident-link-elder', elder)
    await current(resident).getByRole('button', { name: '确认绑定' }).click()
    await current(resident).getByRole('heading', { name: '账单', exact: true }).waitFor()
    const pay = current(resident).getByRole('button', { name: /^立即缴费¥/ })
    await pay.waitFor()
    await agentShot(resident, 'agent-resident-bills-elder', elder)
    await pay.click()
    await resident.waitForURL(/\/cashier\//)
    await resident.getByRole('button', { name: '确认支付' }).click()
    await current(resident).getByRole('heading', { name: '订单详情' }).waitFor()
    await current(resident)
      .locator('.order-status__state')
      .getByText('已入账')
      .waitFor({ timeout: 60_000 })

    // Back on the workbench: the task moved on by itself (the payment was credited).
    await agent.goto(`${BASE_URL}/#/pages-agent/tasks/index?elder=0`)
    const item = current(agent).getByRole('button', { name: new RegExp(`户号 ${accountNo}`) })
    for (let i = 0; i < 20 && !(await item.getByText('已完成').isVisible()); i++) {
      await current(agent).getByRole('button', { name: '刷新', exact: true }).click()
      await agent.waitForTimeout(1000)
    }
    await item.getByText('✓ 已完成').waitFor()
    await agentShot(agent, 'agent-tasks-normal', normal)

    // The same workbench in 长辈模式, and the resident's 账单 in the normal mode.
    await agent.goto(`${BASE_URL}/#/pages-agent/tasks/index?elder=1`)
    await item.getByText('✓ 已完成').waitFor()
    await agentShot(agent, 'agent-tasks-elder', elder)
    await agent.goto(`${BASE_URL}/#/pages-agent/account/index?accountNo=${accountNo}&elder=1`)
    await current(agent).getByText('余额与欠费').waitFor()
    await agentShot(agent, 'agent-account-elder', elder)
    await current(agent)
      .getByRole('group', { name: '任务类型' })
      .getByRole('button', { name: '绑定户号' })
      .click()
    await current(agent).getByRole('button', { name: '生成任务链接' }).click()
    await current(agent).getByText('已生成任务：绑定户号').waitFor()
    await current(agent).locator('.agent-qr').scrollIntoViewIfNeeded()
    await agentShot(agent, 'agent-task-elder', elder)
    await current(agent).getByRole('button', { name: '退出登录' }).click()
    await current(agent).getByRole('heading', { name: '客服工作台' }).waitFor()
    await agentShot(agent, 'agent-login-elder', elder)

    // A 主管 reads the audit, every action in words, and exports it as CSV for Excel.
    // kf01's 主管: the one of 客服中心 (a 主管 reads their own team's audit).
    await fill(agent, '工号', 'zg02')
    await fill(agent, '密码', 'zg02-dev-Passw0rd')
    await current(agent).getByRole('button', { name: '登录', exact: true }).click()
    await current(agent).getByRole('link', { name: '审计记录' }).click()
    await current(agent).getByRole('heading', { name: '审计记录' }).waitFor()
    await current(agent).getByText('kf01 · 发送任务').first().waitFor()
    const csv = agent.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/agent/audit.csv'))
    await current(agent).getByRole('button', { name: '导出CSV' }).click()
    // The browser hands the body over decoded, without its BOM (the BFF suite checks the bytes).
    const lines = (await (await csv).text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('"时间","工号","动作","户号","详情","请求号"')
    expect(lines.some((line) => line.includes('"kf01","create_task"'))).toBe(true)
    await resident.goto(`${BASE_URL}/#/pages/bills/index?elder=0`)
    await current(resident).getByText('目前没有待缴费用', { exact: false }).waitFor()
    await agentShot(resident, 'agent-resident-paid-normal', normal)
    await agent.close()
    await resident.close()
  })
})
