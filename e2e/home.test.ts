import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import {
  SANDBOX_URL,
  bindShown,
  checkScreen,
  current,
  logInAndBind,
  logInBySms,
  modes,
  readAloud,
  type SandboxAccount,
} from './resident'

/*
 * 首页 in the H5 build against the sandbox, in normal and 长辈模式: a prepaid household sees its
 * balance in 元, the days it lasts and 充值 on the first screen; a household in arrears what it
 * owes, how late, 立即缴费 and its latest bill; a heated home its season. With the sandbox's
 * billing port failing, the billing sections say so with 重试 while the rest still shows. Then
 * 消息设置 and 站内消息: a supply stop announced for the household's area arrives unread and
 * opens its notice. Screenshots: docs/screens/home-*, message-settings-*, messages-*.
 */

/** What 朗读 may say: Chinese and punctuation; never a digit or a '*'. */
const SPOKEN = /^[^\d*]+$/
const PREPAID = '1000000001'
const HEATING = '1000000004'
/** Prepaid households whose area gets a supply stop announced: 王建国 and 孙桂兰. */
const NOTIFIED = { normal: '1000000001', elder: '1000000007' } as const

type Section =
  { status: 'ok'; [payload: string]: unknown } | { status: 'unavailable'; message: string }

interface HomeAnswer {
  generatedAt: string
  sections: Record<string, Section>
}

const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.trunc(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`
const money = (fen: number) =>
  `¥${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`

/** Opens 首页 and returns the BFF's answer the page showed. */
async function openHome(page: Page): Promise<HomeAnswer> {
  const answer = page.waitForResponse(
    (r) =>
      r.request().method() === 'GET' && /\/accounts\/\d{10}\/home$/.test(new URL(r.url()).pathname),
  )
  await page.goto(`${BASE_URL}/#/pages/index/index`)
  const res = await answer
  expect(res.status()).toBe(200)
  await current(page).locator('.headline').waitFor()
  return (await res.json()) as HomeAnswer
}

const payload = <T>(answer: HomeAnswer, section: string, key: string): T => {
  const s = answer.sections[section]
  if (s?.status !== 'ok') throw new Error(`section ${section} is ${s?.status ?? 'missing'}`)
  return s[key] as T
}

/** True when the button is wholly on the first screen: below the top, above the tab bar. */
async function onFirstScreen(page: Page, name: string): Promise<boolean> {
  const box = await current(page).getByRole('button', { name, exact: true }).boundingBox()
  const tabBar = await page.locator('.weui-tabbar').boundingBox()
  const bottom = tabBar?.y ?? 844
  return box !== null && box.y >= 0 && box.y + box.height <= bottom
}

/** Households in arrears with overdue bills, by what the billing system says of them. */
async function householdsInArrears(wanted: number): Promise<string[]> {
  const found: string[] = []
  for (let page = 1; page <= 5 && found.length < wanted; page++) {
    const res = await fetch(`${SANDBOX_URL}/sandbox/accounts?page=${page}&pageSize=200`)
    const listing = (await res.json()) as { generated: { items: SandboxAccount[] } }
    for (const account of listing.generated.items) {
      if (account.kind !== 'postpaid_gas' || account.status !== 'arrears') continue
      const summary = await fetch(`${SANDBOX_URL}/billing/v1/accounts/${account.accountNo}/summary`)
      const due = (await summary.json()) as { overdueBillCount?: number; amountDueFen?: number }
      if ((due.overdueBillCount ?? 0) > 0 && (due.amountDueFen ?? 0) > 0)
        found.push(account.accountNo)
      if (found.length >= wanted) break
    }
  }
  if (found.length < wanted)
    throw new Error('the sandbox listing holds too few households in arrears')
  return found
}

/** Announces a gas stop for the 小区 of `accountNo`, two days from the sandbox's now. */
async function announceStop(accountNo: string): Promise<void> {
  const account = (await (
    await fetch(`${SANDBOX_URL}/customers/v1/accounts/${accountNo}`)
  ).json()) as { areaCode: string; address: { community: string } }
  const clock = (await (await fetch(`${SANDBOX_URL}/sandbox/clock`)).json()) as { now: string }
  const startsAt = Date.parse(clock.now) + 2 * 86_400_000
  const res = await fetch(`${SANDBOX_URL}/sandbox/notices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      areaCode: account.areaCode,
      kind: 'gas',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 8 * 3_600_000).toISOString(),
      reason: '燃气管道检修',
      scope: account.address.community,
    }),
  })
  expect(res.status).toBe(201)
}

/** The request the page sent to save 消息设置, once it was answered. */
async function savedSettings(page: Page, tap: () => Promise<void>): Promise<SettingsBody> {
  const saved = page.waitForResponse(
    (r) =>
      r.request().method() === 'PUT' && /notification-settings$/.test(new URL(r.url()).pathname),
  )
  await tap()
  const res = await saved
  expect(res.status()).toBe(200)
  return res.request().postDataJSON() as SettingsBody
}

interface SettingsBody {
  groups: Record<string, { enabled: boolean; thresholdFen?: number }>
  channels: Record<string, boolean>
}

// Generated households, not the persona 1000000005 that 账单 pays off: one per test and mode.
let arrears: string[] = []
beforeAll(async () => {
  arrears = await householdsInArrears(4)
})

describe.each(modes)('首页 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()
  // Each mode its own households, so neither sees what the other did.
  const pick = (i: number) => arrears[mode === 'normal' ? i : i + 1] ?? ''

  test('when a prepaid household opens 首页, then its balance in 元, the days it lasts with their basis and 充值 are on the first screen, and 朗读 reads them', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, PREPAID)
    const home = await openHome(page)
    const balance = payload<{ balanceFen: number; daysOfGas: number | null }>(
      home,
      'balance',
      'balance',
    )
    const headline = current(page).locator('.headline')
    if (mode === 'elder' && balance.daysOfGas !== null && balance.balanceFen > 0) {
      await headline.getByText('余额约可用').waitFor()
      await expect(headline.locator('.headline__number').innerText()).resolves.toMatch(
        new RegExp(`^${balance.daysOfGas}\\s*天$`),
      )
      await headline.getByText(`余额 ${money(balance.balanceFen)}`).waitFor()
    } else {
      await expect(headline.locator('.headline__number').innerText()).resolves.toMatch(
        new RegExp(`^${yuan(balance.balanceFen).replace('.', '\\.')}\\s*元$`),
      )
      if (balance.daysOfGas !== null)
        await headline.getByText(`约可用 ${balance.daysOfGas} 天`).waitFor()
    }
    if (balance.daysOfGas !== null) await headline.getByText('按近期每天的用气量估算').waitFor()
    expect(await onFirstScreen(page, '充值')).toBe(true)
    if (mode === 'elder') expect(await onFirstScreen(page, '报修（燃气、暖气故障）')).toBe(true)
    // The service tiles are still there, below.
    await current(page)
      .getByRole('button', { name: /^交燃气费/ })
      .waitFor()
    await shot(page, `home-prepaid-${mode}`, { firstScreenOnly: true })
    await checkScreen(page, min)

    const spoken = await readAloud(page, '朗读本页：余额、欠费和通知')
    expect(spoken).toContain('当前户号：我家，一零零零零零零零零一。')
    expect(spoken).toContain('充值请点“充值”。需要报修，请点“报修”。')
    expect(spoken).toMatch(SPOKEN)

    await current(page).getByRole('button', { name: '充值', exact: true }).click()
    await current(page).getByRole('heading', { name: '交燃气费' }).waitFor()
    await page.close()
  })

  test('when a household in arrears opens 首页, then what it owes, how late, 立即缴费 for that amount and its latest bill show', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, pick(0))
    const home = await openHome(page)
    const due = payload<{ amountDueFen: number; overdue: boolean }>(home, 'due', 'due')
    expect(due.overdue).toBe(true)
    const headline = current(page).locator('.headline')
    await headline.getByText('欠费', { exact: true }).waitFor()
    await headline.getByText(/^⚠ 已逾期( \d+ 天)?$/).waitFor()
    const pay = current(page).getByRole('button', { name: `立即缴费${money(due.amountDueFen)}` })
    await pay.waitFor()
    expect(await onFirstScreen(page, `立即缴费${money(due.amountDueFen)}`)).toBe(true)
    await current(page)
      .getByRole('button', { name: /^最新账单/ })
      .waitFor()
    await shot(page, `home-arrears-${mode}`, { firstScreenOnly: true })
    await checkScreen(page, min)

    const spoken = await readAloud(page, '朗读本页：余额、欠费和通知')
    expect(spoken).toMatch(/欠费[零一二两三四五六七八九十百千万元角分]+。已逾期/)
    expect(spoken).toContain('缴费请点“立即缴费”。')
    expect(spoken).toMatch(SPOKEN)

    // The latest bill opens 账单 at that bill.
    await current(page)
      .getByRole('button', { name: /^最新账单/ })
      .click()
    await current(page).getByRole('heading', { name: '账单', exact: true }).waitFor()
    await page.close()
  })

  test('when a heated home opens 首页, then its season, whether it is heated and the fee show', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, HEATING)
    const home = await openHome(page)
    const heating = payload<{ heatedThisSeason: boolean; inSeason: boolean }>(
      home,
      'heating',
      'heating',
    )
    const card = current(page).locator('.link-card', { hasText: '供暖季' })
    await card.waitFor()
    const state = !heating.heatedThisSeason
      ? '本季已申请停暖'
      : heating.inSeason
        ? '正在供暖'
        : /供暖/
    await card.getByText(state).first().waitFor()
    await card.getByText(/^供暖季 \d+月\d+日 至 \d+月\d+日$/).waitFor()
    await card.scrollIntoViewIfNeeded()
    await shot(page, `home-heating-${mode}`)
    await checkScreen(page, min)
    const spoken = await readAloud(page, '朗读本页：余额、欠费和通知')
    expect(spoken).toContain('供暖：本供暖季从')
    expect(spoken).toMatch(SPOKEN)
    // The card opens 供暖 (报停, 室温投诉) for that account.
    await card.click()
    await page.waitForURL(/pages-heating\/index\/index\?accountNo=\d{10}/)
    await page.close()
  })

  test('when the billing system is down, then the billing sections say so with 重试, the rest still shows, and 重试 once it is back shows what is owed', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, pick(2))
    const faulted = await fetch(`${SANDBOX_URL}/sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ port: 'billing', errorRate: 1, errorStatus: 503 }),
    })
    expect(faulted.ok).toBe(true)
    try {
      const home = await openHome(page)
      expect(home.sections.due?.status).toBe('unavailable')
      await current(page).locator('.headline').getByText('欠费暂时无法显示').waitFor()
      await current(page).getByRole('button', { name: '重试，重新加载', exact: true }).waitFor()
      await current(page).getByRole('button', { name: '重试，重新加载最新账单' }).waitFor()
      // The account itself (from the customer system) still shows.
      await current(page).getByText('当前户号').waitFor()
      await shot(page, `home-unavailable-${mode}`, { firstScreenOnly: true })
      await checkScreen(page, min)
    } finally {
      await fetch(`${SANDBOX_URL}/sandbox/faults/billing`, { method: 'DELETE' })
    }
    // The BFF's circuit may stay open a while after the upstream is back: 重试 until it answers.
    const owed = current(page).getByRole('button', { name: /^立即缴费/ })
    for (let tries = 0; !(await owed.isVisible()); tries++) {
      if (tries >= 30) throw new Error('what is owed never showed after billing came back')
      await current(page).getByRole('button', { name: '重试，重新加载', exact: true }).click()
      await page.waitForTimeout(2_000)
    }
    await page.close()
  })

  test('when a resident sets 消息设置 and a supply stop is announced for their 小区, then it arrives unread in 站内消息, opens 首页 with the notice and is read', async () => {
    const page = await browser.context.newPage()
    const accountNo = NOTIFIED[mode]
    await page.goto(`${BASE_URL}/#/pages/login/index${query}`)
    await logInBySms(page)
    await current(page).getByRole('heading', { name: '我的户号' }).waitFor()

    // Nothing bound yet: the inbox is empty and says what will arrive there.
    await page.goto(`${BASE_URL}/#/pages/messages/index`)
    await current(page).getByText('还没有消息').waitFor()
    await shot(page, `messages-empty-${mode}`, { firstScreenOnly: true })
    await checkScreen(page, min)

    await page.goto(`${BASE_URL}/#/pages/bind/index`)
    await bindShown(page, accountNo)
    await current(page).getByText('全部户号（1）').waitFor()

    // 消息设置, from 我的.
    await page.goto(`${BASE_URL}/#/pages/me/index`)
    await current(page)
      .getByRole('button', { name: /^消息设置/ })
      .click()
    await current(page).getByRole('heading', { name: '消息设置' }).waitFor()
    await current(page).getByText('微信、支付宝订阅消息：网页版不可用').waitFor()
    const fifty = current(page).getByRole('radio', { name: /50 元/ })
    const body = await savedSettings(page, () => fifty.click())
    expect(body.groups.balance).toEqual({ enabled: true, thresholdFen: 5000 })
    await expect(fifty.getAttribute('aria-checked')).resolves.toBe('true')
    const repairs = current(page).getByRole('switch', { name: /^报修进度/ })
    const off = await savedSettings(page, () => repairs.click())
    expect(off.groups.repairs).toEqual({ enabled: false })
    await expect(repairs.getAttribute('aria-checked')).resolves.toBe('false')
    // Back to the top of the page (the taps above scrolled it) for the first screen's picture.
    await current(page)
      .getByRole('heading', { name: '消息设置' })
      .evaluate((heading) => {
        for (let box = heading.parentElement; box; box = box.parentElement) box.scrollTop = 0
        window.scrollTo(0, 0)
      })
    await shot(page, `message-settings-${mode}`, { firstScreenOnly: true })
    await current(page)
      .getByText('提醒哪些事', { exact: true })
      .evaluate((title) => title.scrollIntoView({ block: 'start' }))
    await shot(page, `message-settings-groups-${mode}`, { firstScreenOnly: true })
    await current(page)
      .getByText('怎样提醒您', { exact: true })
      .evaluate((title) => title.scrollIntoView({ block: 'start' }))
    await shot(page, `message-settings-channels-${mode}`, { firstScreenOnly: true })
    await checkScreen(page, min)
    const heard = await readAloud(page, '朗读本页：提醒开关')
    expect(heard).toContain('余额不足提醒，已开启，余额低于五十元时提醒；')
    expect(heard).toContain('报修进度，已关闭；')
    expect(heard).toMatch(SPOKEN)
    // Saved: a fresh load shows the same.
    await page.reload()
    await expect(
      current(page)
        .getByRole('switch', { name: /^报修进度/ })
        .getAttribute('aria-checked'),
    ).resolves.toBe('false')

    // A supply stop for the household's 小区 reaches the inbox (the BFF polls the notices).
    await announceStop(accountNo)
    const row = current(page).getByRole('button', { name: /未读\s*停气通知/ })
    for (let tries = 0; ; tries++) {
      await page.goto(`${BASE_URL}/#/pages/messages/index`)
      await current(page).getByRole('heading', { name: '站内消息' }).waitFor()
      await page.waitForFunction(
        () => !document.querySelector('.taro_page_show .page-shell--loading'),
      )
      if (await row.first().isVisible()) break
      if (tries >= 30) throw new Error('the supply stop never reached the inbox')
      await page.waitForTimeout(2_000)
    }
    await shot(page, `messages-${mode}`, { firstScreenOnly: true })
    await checkScreen(page, min)
    const inbox = await readAloud(page, '朗读本页：消息')
    expect(inbox).toMatch(
      /^站内消息。有[一二两三四五六七八九十]+条未读。最新的消息：未读。停气通知。/,
    )
    expect(inbox).toMatch(SPOKEN)

    // 我的 shows the unread count; the message opens 首页 with the notice, and is read.
    await page.goto(`${BASE_URL}/#/pages/me/index`)
    await current(page)
      .getByText(/^\d+ 条未读$/)
      .waitFor()
    await page.goto(`${BASE_URL}/#/pages/messages/index`)
    const read = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        /\/messages\/[^/]+\/read$/.test(new URL(r.url()).pathname),
    )
    await row.first().click()
    expect((await read).ok()).toBe(true)
    await current(page)
      .getByRole('button', { name: /^停气通知 · 即将开始/ })
      .waitFor()
    await current(page).locator('.headline').waitFor()
    await current(page)
      .getByRole('button', { name: /^停气通知 · 即将开始/ })
      .scrollIntoViewIfNeeded()
    await shot(page, `home-notice-${mode}`, { firstScreenOnly: true })

    await page.goto(`${BASE_URL}/#/pages/messages/index`)
    const readAll = current(page).getByRole('button', { name: /^全部已读/ })
    if (await readAll.isVisible()) await readAll.click()
    await current(page).getByText('未读', { exact: true }).first().waitFor({ state: 'detached' })
    await expect(current(page).getByText('未读', { exact: true }).count()).resolves.toBe(0)
    await page.close()
  })
})
