import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests, shot } from './browser'
import { SANDBOX_URL, checkScreen, current, fill, logInAndBind, modes, readAloud } from './resident'

/*
 * 一键求助 and 报装 in the H5 build against the sandbox, in normal and elderly mode. The elder
 * living alone (孙桂兰 1000000007, on by default) holds the button for two seconds (a short tap
 * only opens the confirm dialog, which is cancelled), sees the desk reached, and the sandbox's
 * desk acknowledges it. The same resident then applies for a new connection with photos of the
 * documents; the sandbox surveys, installs the meter and completes the booked ignition visit,
 * after which the page offers 立即充值. Screenshots: docs/screens/service-*-normal/elder.png.
 */
const ELDER = '1000000007'

async function sandbox(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${SANDBOX_URL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(res.status).toBe(200)
  return res.json()
}

/** Presses and holds like a finger: touch down, wait out the two seconds, let go. */
async function hold(page: Page, ms: number): Promise<void> {
  // The element itself: once the alert goes, the next page slides in with a button of its own.
  const target = await current(page)
    .locator('.help-button--help .help-button__target')
    .elementHandle()
  if (!target) throw new Error('no help button')
  await target.dispatchEvent('touchstart')
  await page.waitForTimeout(ms)
  await target.dispatchEvent('touchend')
}

/** A photo of a document, drawn by the browser as a JPEG. */
async function documentJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 420
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no canvas')
    context.fillStyle = '#eef2f7'
    context.fillRect(0, 0, 640, 420)
    context.fillStyle = '#8a1c1c'
    context.fillRect(40, 40, 200, 40)
    return canvas.toDataURL('image/jpeg', 0.85)
  })
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64')
}

async function attach(page: Page, button: RegExp): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await current(page).getByRole('button', { name: button }).click()
  await (
    await chooser
  ).setFiles({ name: 'document.jpg', mimeType: 'image/jpeg', buffer: await documentJpeg(page) })
}

describe.each(modes)('一键求助 and 报装 in $mode mode', ({ mode, query, ...min }) => {
  const browser = browserForTests()
  const serviceShot = (page: Page, name: string) => shot(page, `service-${name}-${mode}`)

  test('when an elder holds the help button, then the desk is reached and its acknowledgement shows; and a new connection goes to ignition and the first top-up offer', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, query, ELDER)

    // 一键求助: in 长辈模式 on 首页, otherwise from 我的 → 一键求助.
    if (mode === 'elder') {
      await page.goto(`${BASE_URL}/#/pages/index/index`)
    } else {
      await page.goto(`${BASE_URL}/#/pages-service/help/index`)
    }
    const target = current(page).locator('.help-button--help .help-button__target')
    await target.waitFor()
    // A short tap sends nothing: it asks once more, and 取消 leaves it.
    await target.click()
    await page.locator('.taro-model__cancel', { hasText: '取消' }).click()
    await hold(page, 600)
    await current(page).getByText('按住2秒发出').first().waitFor()
    const before = (await sandbox('/sandbox/help-alerts')) as { items: { accountNo: string }[] }
    const sentBefore = before.items.filter((a) => a.accountNo === ELDER).length

    await hold(page, 2_400)
    await current(page).getByRole('heading', { name: '一键求助' }).waitFor()
    const card = current(page).locator('.help-alert').first()
    await card.getByText(/^✓ 新华区燃气服务站 .* 已通知$/).waitFor()
    const after = (await sandbox('/sandbox/help-alerts')) as {
      items: { accountNo: string; deskRef: string }[]
    }
    const sent = after.items.filter((a) => a.accountNo === ELDER)
    expect(sent).toHaveLength(sentBefore + 1)
    await sandbox(`/sandbox/help-alerts/${sent[0]?.deskRef}/acknowledge`, { by: '张师傅' })
    await page.reload()
    await current(page)
      .locator('.help-alert')
      .first()
      .getByText(/^✓ 新华区燃气服务站 张师傅 .* 已确认$/)
      .waitFor()
    await current(page).locator('.help-alert').first().scrollIntoViewIfNeeded()
    await serviceShot(page, 'help')
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：一键求助')).toContain('新华区燃气服务站 张师傅已确认')

    // 报装: apply with the documents, then the field work, ignition and the first top-up offer.
    await page.goto(`${BASE_URL}/#/pages-service/connection/index`)
    await current(page).getByRole('heading', { name: '燃气报装' }).waitFor()
    await fill(page, '申请人姓名', '郑小雨')
    await fill(page, '联系电话', '13903115566')
    await current(page).getByRole('button', { name: '新华区', exact: true }).click()
    await fill(page, '详细地址', '友谊北大街38号和园小区5号楼2单元601室')
    await attach(page, /^拍照或选择照片：房产证或购房合同/)
    await attach(page, /^拍照或选择照片：身份证/)
    await current(page).getByText('✓ 已上传').nth(1).waitFor()
    await serviceShot(page, 'connection-form')
    await checkScreen(page, min)
    await current(page).getByRole('button', { name: '提交申请' }).click()
    const heading = current(page).locator('.connection .connection__heading').first()
    await heading.waitFor()
    const applicationId = (await heading.innerText()).replace('报装申请 ', '').trim()
    await current(page).getByText('已受理', { exact: true }).first().waitFor()

    await sandbox(`/sandbox/connections/${applicationId}/advance`, {})
    const installed = (await sandbox(`/sandbox/connections/${applicationId}/advance`, {})) as {
      accountNo: string
    }
    await page.reload()
    await current(page).getByText(`户号 ${installed.accountNo} 已绑定到您的微信`).waitFor()
    const slot = current(page).locator('.choice-chips__chip').first()
    const slotLabel = (await slot.innerText()).trim()
    await slot.click()
    await current(page)
      .getByRole('button', { name: `预约 ${slotLabel}` })
      .click()
    await current(page).getByText(`已约：${slotLabel}`, { exact: false }).waitFor()
    await sandbox(`/sandbox/ignition/${installed.accountNo}/complete`, {})
    await page.reload()
    await current(page).getByText('✓ 合格 燃气报警器').waitFor()
    const topUp = current(page).getByRole('button', { name: '立即充值' })
    await topUp.waitFor()
    await topUp.scrollIntoViewIfNeeded()
    await serviceShot(page, 'connection')
    await checkScreen(page, min)
    expect(await readAloud(page, '朗读本页：报装进度')).toContain('已通气点火，可以用气')
  })
})
