import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import { SANDBOX_URL, checkScreen, current, logInAndBind, modes, readAloud } from './resident'

/*
 * 供暖 in the H5 build against the sandbox, in normal and elderly mode, each with its own
 * district-heating persona (刘洋 1000000004; the elderly parents' home 1000000009). From the
 * 首页 tile the resident reads the season and its fee; with the sandbox clock in the 报停
 * window, sees what 报停 does to the fee, confirms it, follows the application and withdraws
 * it; back in the season, reports a cold room (with a thermometer photo in normal mode), and
 * the sandbox clock takes the complaint through the measurement visit and the fix to its
 * compensation. The clock is put back afterwards for the other journeys on this sandbox.
 * Screenshots: docs/screens/heating-*-normal.png / -elder.png.
 */
const personas = { normal: '1000000004', elder: '1000000009' } as const

async function sandboxClock(body?: unknown): Promise<string> {
  const res = await fetch(`${SANDBOX_URL}/sandbox/clock`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { now: string }).now
}

const setClock = (iso: string) => sandboxClock({ set: iso })

/** Opens 供暖 afresh (a reload, so it reads billing at the clock just set). */
async function openHeating(page: Page, seasonLabel: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/pages-heating/index/index`)
  await page.reload()
  await current(page).getByRole('heading', { name: '供暖', exact: true }).waitFor()
  await current(page).locator('.heating-season__title').getByText(seasonLabel).waitFor()
}

/** Answers Taro's H5 dialog with the button that says `text`. */
async function answer(page: Page, text: string): Promise<void> {
  const button = page.locator('.taro-model__confirm', { hasText: text })
  await button.click()
  await button.waitFor({ state: 'hidden' })
}

/** A photo of a thermometer-coloured card, made by the browser as a JPEG. */
async function thermometerJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 480
    canvas.height = 640
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no canvas')
    context.fillStyle = '#f4f4f4'
    context.fillRect(0, 0, 480, 640)
    context.fillStyle = '#c0392b'
    context.fillRect(220, 120, 40, 420)
    return canvas.toDataURL('image/jpeg', 0.85)
  })
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64')
}

describe.each(modes)('供暖 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()
  const heatingShot = (page: Page, name: string) => shot(page, `heating-${name}-${mode}`)

  test('when a heating household previews 报停 and withdraws it, then reports a cold room, the sandbox clock takes the complaint to its result and compensation', async () => {
    const accountNo = personas[mode]
    const page = await browser.context.newPage()
    const clockAt = await sandboxClock()
    const realAt = Date.now()
    try {
      await logInAndBind(page, query, accountNo)

      // From the 首页 tile to the season as it stands.
      await page.goto(`${BASE_URL}/#/pages/index/index`)
      await current(page).getByRole('button', { name: /^供暖/ }).first().click()
      await current(page).getByRole('heading', { name: '供暖', exact: true }).waitFor()
      await current(page).getByText('2026-2027 采暖季', { exact: true }).waitFor()
      await current(page).getByText('正常供暖', { exact: true }).waitFor()
      await current(page)
        .locator('.heating-fee__formula')
        .getByText(/^建筑面积 /)
        .waitFor()
      await current(page)
        .getByText(/^报停须在采暖季开始前申请：2027-2028 采暖季的报停申请期为/)
        .waitFor()
      await heatingShot(page, 'season')
      await checkScreen(page, min)
      const season = await readAloud(page, '朗读本页：供暖情况')
      expect(season).toMatch(/^供暖。二零二六至二零二七年采暖季，十一月十五日到三月十五日/)
      expect(season).toContain('本季热费')

      // In the 报停 window: the fee effect before submitting, a confirmation, then withdrawal.
      await setClock('2026-10-20T10:00:00+08:00')
      await openHeating(page, '2026-2027 采暖季')
      const offer = current(page).locator('.heating-offer').first()
      await offer.getByText('报停（2026-2027 采暖季）').waitFor()
      await offer.getByText('费用变化').waitFor()
      const effect = await offer.locator('.heating-effect__text').innerText()
      expect(effect).toMatch(/^报停后，2026-2027 采暖季热费由 [\d.]+ 元降为 [\d.]+ 元（建筑面积 /)
      await offer.scrollIntoViewIfNeeded()
      await heatingShot(page, 'stop-preview')
      await checkScreen(page, min)
      await offer.getByRole('button', { name: '申请报停' }).click()
      await page.getByText('确认申请报停？').waitFor()
      await answer(page, '确认报停')
      await answer(page, '知道了')
      const application = current(page).locator('.heating-application').first()
      await application.getByText('已受理', { exact: true }).waitFor()
      await application.getByText('2026年10月31日前可以撤回').waitFor()
      await current(page).getByText('2026-2027 采暖季已报停').waitFor()
      await application.scrollIntoViewIfNeeded()
      await heatingShot(page, 'stopped')
      await checkScreen(page, min)
      await application.getByRole('button', { name: '撤回报停申请' }).click()
      await answer(page, '确认撤回')
      await answer(page, '知道了')
      await application.getByText('已撤回', { exact: true }).first().waitFor()
      await current(page).getByText('正常供暖，2026年11月15日开始', { exact: true }).waitFor()

      // Back in the season: a cold room, its visit, the fix and the compensation.
      await setClock('2026-11-27T10:00:00+08:00')
      await openHeating(page, '2026-2027 采暖季')
      const form = current(page).locator('.heating-complaint-form')
      await form.scrollIntoViewIfNeeded()
      const lower = form.getByRole('button', { name: /^降低/ })
      for (let i = 0; i < (mode === 'elder' ? 1 : 5); i++) await lower.click()
      await form.locator('.heating-stepper__value').getByText('15.5℃').waitFor()
      await form.getByText(/^如上门测得 15\.5℃：每天补偿 ¥[\d.]+（日热费的 100%）/).waitFor()
      await form
        .getByRole('button', { name: '11月27日 周五 下午 14:00–17:00', pressed: true })
        .waitFor()
      if (mode === 'normal') {
        const chooser = page.waitForEvent('filechooser')
        await form.getByRole('button', { name: /^拍温度计照片/ }).click()
        await (
          await chooser
        ).setFiles({
          name: 'thermometer.jpg',
          mimeType: 'image/jpeg',
          buffer: await thermometerJpeg(page),
        })
        await form.locator('.heating-photo__status').getByText('已上传').waitFor()
      }
      await heatingShot(page, 'complaint')
      await checkScreen(page, min)
      await form.getByRole('button', { name: '提交并预约测温' }).click()
      await page.getByText('11月27日 周五 下午 14:00–17:00，请家里留人。').waitFor()
      await answer(page, '知道了')
      const complaint = current(page).locator('.heating-complaint').first()
      await complaint.getByText('待上门测温', { exact: true }).waitFor()

      await setClock('2026-11-27T15:30:00+08:00')
      await openHeating(page, '2026-2027 采暖季')
      await complaint.getByText('不达标，整改中', { exact: true }).waitFor()
      await complaint.getByText(/^测得 15\.5℃，不达标/).waitFor()

      await setClock('2026-11-30T16:00:00+08:00')
      await openHeating(page, '2026-2027 采暖季')
      await complaint.getByText('已复测达标，补偿待入账', { exact: true }).waitFor()
      await complaint.getByText(/^补偿 3 天，共 ¥[\d.]+$/).waitFor()
      await complaint
        .getByText('2026-11-27 至 2026-11-29；将在 2027年10月1日出账的下一采暖季账单中扣减')
        .waitFor()
      await complaint.scrollIntoViewIfNeeded()
      await heatingShot(page, 'result')
      await checkScreen(page, min)
      const result = await readAloud(page, '朗读本页：供暖情况')
      expect(result).toContain(
        '最近一次室温投诉，报告室温十五点五摄氏度，已复测达标，补偿待入账，上门测得十五点五摄氏度，不达标，补偿三天',
      )
      await page.close()
    } finally {
      // The other journeys on this sandbox expect its clock where it would have been.
      await setClock(new Date(Date.parse(clockAt) + (Date.now() - realAt)).toISOString())
    }
  })
})
