import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import { SANDBOX_URL, checkScreen, current, logInAndBind, modes, readAloud } from './resident'

/*
 * 报修 in the H5 build against the sandbox, in normal and elderly mode. A resident who smells gas
 * sees the safety steps and the 24-hour line before any form, then sends the urgent report (no
 * photo, no time). A heating household reports 暖气不热 with two photos (the draft survives a
 * reload), is escalated while the dispatch desk stalls, urges, and follows the report to 已评价
 * as the sandbox clock moves. Screenshots: docs/screens/repairs-*-<mode>.png.
 */

/** Each mode reports for its own households, so each starts with no reports on one sandbox. */
const personas = {
  normal: { gas: '1000000001', heating: '1000000004' },
  // 孙桂兰 lives alone with an IoT meter; 周德福 is the father with district heating.
  elder: { gas: '1000000007', heating: '1000000009' },
} as const
const MIN = 60_000

async function sandbox(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${SANDBOX_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
  await res.arrayBuffer()
}

/** Moves the work orders' time on; the clock is put back after the journey (see afterAll). */
let moved = 0
async function advance(ms: number): Promise<void> {
  moved += ms
  await sandbox('/sandbox/clock', { advanceMs: ms })
}

/**
 * Moves the clock on in steps until the work-order system has the order at `status`: a visit in
 * a preferred slot sets out at a time of its own inside the window, so it is asked, not computed.
 */
async function advanceUntil(repairNo: string, status: string, stepMs: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const res = await fetch(`${SANDBOX_URL}/workorders/v1/orders/${repairNo}`)
    const order = (await res.json()) as { status: string }
    if (order.status === status) return
    await advance(stepMs)
  }
  throw new Error(`work order ${repairNo} did not reach ${status}`)
}

const repairNoOf = (page: Page) =>
  new URLSearchParams(page.url().split('?')[1] ?? '').get('repairNo') ?? ''

/** A small photo of a radiator-coloured square, made by the browser as a JPEG. */
async function jpeg(page: Page, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 480
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no canvas')
    context.fillStyle = fill
    context.fillRect(0, 0, 640, 480)
    context.fillStyle = '#ffffff'
    context.fillRect(80, 80, 480, 60)
    return canvas.toDataURL('image/jpeg', 0.85)
  }, colour)
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64')
}

/** Reads until `ok` holds, or fails saying what it last read. */
async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value)) return
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

/** The report's state as the detail page shows it, waiting (polls and reloads) for `label`. */
async function waitForState(page: Page, label: string, options: { reload?: boolean } = {}) {
  const state = current(page).locator('.repair-status__state')
  const deadline = Date.now() + 45_000
  for (;;) {
    const text = (await state.innerText().catch(() => '')).trim()
    if (text.endsWith(label)) return
    if (Date.now() > deadline) throw new Error(`state stayed "${text}", expected ${label}`)
    if (options.reload) {
      await page.reload()
      await current(page).getByRole('heading', { name: '报修进度' }).waitFor()
    }
    await page.waitForTimeout(1500)
  }
}

afterAll(async () => {
  // The other journeys on this sandbox read bills and seasons at the time they expect.
  if (moved > 0) {
    const res = await fetch(`${SANDBOX_URL}/sandbox/clock`)
    const { now } = (await res.json()) as { now: string }
    await sandbox('/sandbox/clock', { set: new Date(Date.parse(now) - moved).toISOString() })
  }
  await sandbox('/sandbox/workorders/settings', { paused: false })
})

describe.each(modes)('报修 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()

  test('when a resident smells gas, then the safety steps and the 24-hour line come before the urgent report, which needs no photo or time', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, personas[mode].gas)

    await page.goto(`${BASE_URL}/#/pages/repairs/index`)
    await current(page).getByRole('heading', { name: '报修', exact: true }).waitFor()
    const kinds = current(page).locator('.kind-grid__label')
    await expect(kinds.allInnerTexts()).resolves.toEqual([
      '燃气泄漏/闻到燃气味',
      '一氧化碳报警',
      '灶具/热水器',
      '表具',
      '管道',
      '暖气不热',
      '暖气漏水',
      '其他',
    ])
    await current(page).getByText('暂无报修记录').waitFor()
    await shot(page, `repairs-tab-${mode}`)
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：故障类型和报修进度')).toMatch(
      /^报修。闻到燃气味或者一氧化碳报警，请点最上面的两个按钮，先看安全提示。/,
    )

    await current(page)
      .getByRole('button', { name: /^燃气泄漏\/闻到燃气味/ })
      .click()
    await current(page).getByRole('heading', { name: '闻到燃气味，请先这样做' }).waitFor()
    const steps = await current(page).locator('.repair-safety__step-title').allInnerTexts()
    expect(steps).toEqual([
      '不要开关电器、不要点火、不要打电话',
      '打开门窗通风',
      '关闭燃气表前阀门',
      '立即离开到室外',
      '在室外拨打24小时抢修电话',
    ])
    // No form before the steps: nothing to type, nothing to photograph.
    await expect(current(page).locator('textarea, input').count()).resolves.toBe(0)
    await current(page)
      .getByRole('button', { name: /^拨打24小时抢修电话 96777/ })
      .waitFor()
    // Not repairs-safety-*: that name is the page audit's (elder-audit.test.ts).
    await shot(page, `repairs-leak-safety-${mode}`)
    await checkScreen(page, min)
    const safety = await readAloud(page, '朗读本页：安全提示')
    expect(safety).toMatch(/^闻到燃气味，请先这样做。第一，不要开关电器、不要点火、不要打电话。/)
    expect(safety).toContain('二十四小时抢修电话：九六七七七。到了室外再拨打。')

    await current(page)
      .getByRole('button', { name: /^继续报修/ })
      .click()
    await current(page).getByRole('heading', { name: '紧急报修' }).waitFor()
    await current(page).getByText('燃气泄漏/闻到燃气味（紧急）').waitFor()
    await expect(current(page).getByText('+ 添加照片').count()).resolves.toBe(0)
    await expect(current(page).getByText('希望上门时间（可不选）').count()).resolves.toBe(0)
    await current(page).getByText('（我的手机号）').waitFor()
    await shot(page, `repairs-urgent-${mode}`)
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：报修内容')).toMatch(
      /^闻到燃气味，请先这样做。第一，.*填写报修。故障类型：燃气泄漏或闻到燃气味。/,
    )

    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/repairs$/.test(new URL(r.url()).pathname),
    )
    await current(page).getByRole('button', { name: '提交紧急报修' }).click()
    expect((await created).status()).toBe(201)
    await current(page).getByRole('heading', { name: '报修进度' }).waitFor()
    await current(page).locator('.repair-status__kind').getByText('紧急').waitFor()
    await current(page).getByText('进度会自动刷新，无需重复报修').waitFor()
    await shot(page, `repairs-urgent-sent-${mode}`)
    await checkScreen(page, min)
    await page.close()
  })

  test('when a heating fault is reported with two photos, then it is kept as a draft, escalated, urged and followed to 已评价', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, personas[mode].heating)
    await page.goto(`${BASE_URL}/#/pages/repairs/index`)
    await current(page)
      .getByRole('button', { name: /^暖气不热/ })
      .click()
    await current(page).getByRole('heading', { name: '填写报修' }).waitFor()
    await current(page).locator('.report-field__value').getByText('暖气不热').waitFor()

    await current(page)
      .getByLabel('故障描述', { exact: true })
      .locator('textarea')
      .fill('卧室暖气片上半截不热，从昨天开始')
    const photos = [
      { name: 'radiator.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page, '#a33b20') },
      { name: 'valve.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page, '#1f5fa8') },
    ]
    const chooser = page.waitForEvent('filechooser')
    await current(page)
      .getByRole('button', { name: /^添加照片/ })
      .click()
    await (await chooser).setFiles(photos)
    await until(
      'photo uploads',
      () => current(page).locator('.photo-tile__status').allInnerTexts(),
      (states) => states.join() === '已上传,已上传',
    )
    const slot = current(page).locator('.slot-choice__item:not(.slot-choice__item--full)').first()
    await slot.click()
    await current(page).getByRole('button', { name: '修改联系电话' }).click()
    await current(page).getByLabel('联系电话', { exact: true }).locator('input').fill('13800138000')
    await current(page).getByRole('button', { name: '确定联系电话' }).click()
    await current(page).getByText('138****8000').waitFor()
    await current(page).locator('.photo-field__grid').scrollIntoViewIfNeeded()
    await shot(page, `repairs-report-${mode}`)
    await checkScreen(page, min)
    const spoken = await readAloud(page, '朗读本页：报修内容')
    expect(spoken).toContain('故障类型：暖气不热。您写的情况是：卧室暖气片上半截不热，从昨天开始。')
    expect(spoken).toContain('已上传两张照片。希望上门时间：')

    // Closing the app (a reload) loses nothing: text, kind, time and photos come back.
    await page.reload()
    await current(page).getByRole('heading', { name: '填写报修' }).waitFor()
    await expect(
      current(page).getByLabel('故障描述', { exact: true }).locator('textarea').inputValue(),
    ).resolves.toBe('卧室暖气片上半截不热，从昨天开始')
    await expect(current(page).locator('.photo-tile').count()).resolves.toBe(2)
    await current(page).locator('.slot-choice__item--on').waitFor()
    await current(page).getByText('138****8000').waitFor()
    // Thumbnails of a restored draft come from the BFF, fetched with the session.
    await until(
      'restored thumbnails',
      () => current(page).locator('.photo-tile .photo-thumb__image').count(),
      (n) => n === 2,
    )

    await sandbox('/sandbox/workorders/settings', { paused: true })
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/repairs$/.test(new URL(r.url()).pathname),
    )
    await current(page).getByRole('button', { name: '提交报修' }).click()
    expect((await created).status()).toBe(201)
    await current(page).getByRole('heading', { name: '报修进度' }).waitFor()
    await waitForState(page, '已提交')
    await until(
      'report thumbnails',
      () => current(page).locator('.repair-facts .photo-thumb__image').count(),
      (n) => n === 2,
    )
    await current(page).getByText('联系电话：138****8000').waitFor()
    await shot(page, `repairs-detail-${mode}`)
    await checkScreen(page, min)

    // The desk stalls past the 2-hour acceptance limit: the page, polling, says so in words.
    await advance(2 * 60 * MIN + 5 * MIN)
    await current(page).getByText('超时未受理，已升级督办').first().waitFor({ timeout: 30_000 })
    await current(page).getByRole('button', { name: /^催单/ }).click()
    await current(page).locator('.repair-events').getByText('已催单').waitFor()
    await shot(page, `repairs-escalated-${mode}`)
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：处理状态和下一步')).toContain(
      '暖气不热，已提交。超时未受理，已升级督办。',
    )

    // The desk resumes: accepted, dispatched, on the way with an arrival time.
    await sandbox('/sandbox/workorders/settings', { paused: false })
    // Less than the 40 minutes on the way per step, so the page can be seen while it lasts.
    await advanceUntil(repairNoOf(page), 'on_the_way', 15 * MIN)
    await waitForState(page, '在路上', { reload: true })
    await current(page).locator('.repair-status__eta').waitFor()
    await current(page)
      .getByRole('button', { name: /^打电话给.师傅/ })
      .waitFor()
    await shot(page, `repairs-on-the-way-${mode}`)
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：处理状态和下一步')).toMatch(
      /暖气不热，在路上。.*上门师傅：.师傅。预计.+到达。/,
    )

    await advanceUntil(repairNoOf(page), 'resolved', 30 * MIN)
    await waitForState(page, '已处理', { reload: true })
    await current(page).getByText('请为这次服务打分').waitFor()
    await current(page).getByRole('button', { name: '5星，很满意' }).click()
    await current(page).getByText('5星：很满意').waitFor()
    await current(page)
      .getByLabel('说说您的感受（可不填）', { exact: true })
      .locator('textarea')
      .fill('师傅很准时，讲解很清楚')
    await current(page).locator('.repair-rating').scrollIntoViewIfNeeded()
    await shot(page, `repairs-rating-${mode}`)
    await checkScreen(page, min)
    await current(page).getByRole('button', { name: '提交评价' }).click()
    await waitForState(page, '已评价')
    await current(page).getByText('您的评价').waitFor()
    const progress = await current(page).locator('.repair-progress').innerText()
    const order = ['已提交', '已受理', '已派单', '在路上', '已到达', '已处理', '已评价']
    const at = order.map((label) => progress.indexOf(label))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect(at).toEqual([...at].sort((a, b) => a - b))
    await expect(current(page).locator('.repair-progress__step--done').count()).resolves.toBe(7)
    await shot(page, `repairs-rated-${mode}`)
    await checkScreen(page, min)
    // Lower on the same page: every step with its time, the records, the report and its photos.
    await current(page).locator('.repair-events').scrollIntoViewIfNeeded()
    await shot(page, `repairs-records-${mode}`)
    await current(page).locator('.repair-facts').scrollIntoViewIfNeeded()
    await shot(page, `repairs-facts-${mode}`)

    await page.goto(`${BASE_URL}/#/pages-repairs/list/index`)
    await current(page).getByRole('heading', { name: '我的报修' }).waitFor()
    await current(page)
      .getByRole('button', { name: /暖气不热.*已评价/ })
      .first()
      .waitFor()
    await shot(page, `repairs-list-${mode}`)
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：报修记录和进度')).toMatch(/^我的报修。共.条/)
    await page.close()
  }, 240_000)
})
