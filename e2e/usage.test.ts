import { BASE_URL, shot, browserForTests } from './browser'
import { checkScreen, current, logInAndBind, modes, readAloud } from './resident'

/*
 * 用量 in the H5 build against the sandbox, in normal and elderly mode: the IoT family 1000000001
 * reads this month so far and the forecast with what it rests on; in normal mode the chart of
 * the last twelve months beside the year before, drawn, with the same numbers in a table; in
 * elderly mode big lines instead of the chart. 朗读 reads the figures in words.
 * Screenshots: docs/screens/usage-{normal,elder}.png (the top), usage-months-{normal,elder}.png.
 * The 热计量 home 1000000012 reads its heat in GJ (吉焦) and the two-part fee the same way:
 * docs/screens/usage-heat-{normal,elder}.png.
 */
const ACCOUNT = '1000000001'
const METERED_HEATING = '1000000012'

interface UsageAnswer {
  kind: 'gas'
  months: { month: string; label: string; usageDm3: number | null; complete: boolean }[]
  forecast: { dailyDm3: number; basis: string } | null
}

const m3 = (dm3: number, decimals: number) =>
  (Math.round(dm3 / 10 ** (3 - decimals)) / 10 ** decimals).toFixed(decimals)

describe.each(modes)('usage in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()

  test('when a resident opens 用量, then the month so far, the forecast with its basis and the months beside last year are shown and read aloud', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, ACCOUNT)

    const answer = page.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/usage$/.test(new URL(r.url()).pathname),
    )
    await page.goto(`${BASE_URL}/#/pages-usage/usage/index`)
    const res = await answer
    expect(res.status()).toBe(200)
    const usage = (await res.json()) as UsageAnswer
    expect(usage.kind).toBe('gas')
    if (!usage.forecast) throw new Error('the family has no forecast')

    await current(page).getByRole('heading', { name: '用量', exact: true }).waitFor()
    await current(page)
      .getByText(`${m3(usage.forecast.dailyDm3, 1)} m³`)
      .first()
      .waitFor()
    await current(page).getByText(usage.forecast.basis).waitFor()

    const latest = usage.months.filter((m) => m.complete && m.usageDm3 !== null).at(-1)
    if (!latest?.usageDm3) throw new Error('no complete month')
    if (mode === 'normal') {
      // The table a screen reader reads holds the chart's numbers.
      const row = current(page).getByRole('row', { name: new RegExp(`^${latest.label}`) })
      await row
        .getByText(`${m3(latest.usageDm3, 0)} m³`)
        .first()
        .waitFor()
      // ECharts drew something on its canvas (not a blank box).
      const canvas = current(page).locator('#usage-chart canvas').first()
      await canvas.waitFor()
      const inked = await canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
        let n = 0
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++
        return n
      })
      expect(inked).toBeGreaterThan(1000)
      await current(page).getByText('近12个月').first().waitFor()
    } else {
      await expect(current(page).locator('#usage-chart').count()).resolves.toBe(0)
      await current(page).getByText(latest.label, { exact: true }).waitFor()
      await current(page)
        .getByText(`用气 ${m3(latest.usageDm3, 0)} m³`)
        .first()
        .waitFor()
    }
    await shot(page, `usage-${mode}`)
    await checkScreen(page, min)
    // Taro's H5 page scrolls inside its own container: scroll to the months for their picture.
    const months = mode === 'normal' ? '.usage-chart' : '.usage-elder__row'
    await current(page).locator(months).first().scrollIntoViewIfNeeded()
    await shot(page, `usage-months-${mode}`, { firstScreenOnly: true })
    await checkScreen(page, min)

    const spoken = await readAloud(page, '朗读本页：用气量')
    expect(spoken).toContain('用量。户号：一零零零零零零零零一。')
    expect(spoken).toContain('预计今后每天约用')
    expect(spoken).toContain('及去年同期用量估算。')
    expect(spoken).not.toMatch(/\d/)
    await page.close()
  })

  test('when a 热计量 home opens 用量, then its heat is shown in GJ against last year and read aloud in 吉焦', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, METERED_HEATING)
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/usage$/.test(new URL(r.url()).pathname),
    )
    await page.goto(`${BASE_URL}/#/pages-usage/usage/index`)
    const res = await answer
    expect(res.status()).toBe(200)
    const usage = (await res.json()) as Omit<UsageAnswer, 'kind'> & {
      kind: string
      seasonHeatMj: number
    }
    expect(usage.kind).toBe('heating_metered')
    await current(page)
      .getByText(`${m3(usage.seasonHeatMj, 1)} GJ`)
      .first()
      .waitFor()
    await current(page)
      .getByText(/基本热价/)
      .first()
      .waitFor()
    const latest = usage.months.filter((m) => m.complete && m.usageDm3).at(-1)
    if (!latest?.usageDm3) throw new Error('no heated month')
    if (mode === 'normal') {
      await current(page).locator('#usage-chart canvas').first().waitFor()
      const row = current(page).getByRole('row', { name: new RegExp(`^${latest.label}`) })
      await row
        .getByText(`${m3(latest.usageDm3, 1)} GJ`)
        .first()
        .waitFor()
    } else {
      // The big lines show the newest months: this one so far leads.
      const now = usage.months.at(-1)
      await current(page)
        .getByText(`用热 ${m3(now?.usageDm3 ?? 0, 1)} GJ`)
        .first()
        .waitFor()
    }
    await shot(page, `usage-heat-${mode}`)
    await checkScreen(page, min)
    const spoken = await readAloud(page, '朗读本页：用气量')
    expect(spoken).toContain('吉焦')
    expect(spoken).not.toContain('立方米')
    expect(spoken).not.toMatch(/\d/)
    await page.close()
  })
})
