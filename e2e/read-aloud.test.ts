import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { BASE_URL, browserForTests } from './browser'
import { current, logInAndBind, readAloud } from './resident'

/*
 * 长辈模式 in the H5 build against the sandbox: every page a resident uses to pay or to manage
 * accounts has a 朗读 button that reads what the page shows, in words (no digits, no masks
 * spelled out), and every control's accessible name holds the words it shows (axe's
 * label-content-name-mismatch, which axe leaves off by default). The IoT persona 1000000001
 * (我家) tops up; 张伟 1000000003 has tiered gas bills.
 */

const ELDER = '?elder=1'
/** What 朗读 may say: Chinese, punctuation and the kind names' dot; never a digit or a '*'. */
const SPOKEN = /^[^\d*]+$/

/** No control is named by words other than the ones it shows. */
async function namesHoldVisibleText(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze()
  const mismatches = axe.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))
  expect(mismatches).toEqual([])
}

async function openPage(page: Page, route: string, heading: string): Promise<void> {
  await page.goto(`${BASE_URL}/#${route}`)
  await current(page).getByRole('heading', { name: heading, exact: true }).waitFor()
  await page.waitForFunction(() => !document.querySelector('.taro_page_show .page-shell--loading'))
}

describe('朗读 in elderly mode', () => {
  const browser = browserForTests()

  test('when a logged-out resident opens 登录 and 首页, then 登录 reads the steps and names hold their words', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${BASE_URL}/#/pages/index/index${ELDER}`)
    await current(page)
      .getByRole('button', { name: /^安全用气/ })
      .waitFor()
    await namesHoldVisibleText(page)

    await openPage(page, '/pages/login/index', '登录')
    const spoken = await readAloud(page, '朗读本页：怎样登录')
    expect(spoken).toContain('用手机号登录：输入手机号，点“获取验证码”')
    expect(spoken).toMatch(SPOKEN)
    await namesHoldVisibleText(page)
    await page.close()
  })

  test('when a resident with one account opens 交燃气费, 我的户号, 家人, 我的数据 and 绑定, then each 朗读 reads that page in words', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, ELDER, '1000000001')

    await openPage(page, '/pages/recharge/index', '交燃气费')
    await current(page).getByRole('radio').first().waitFor()
    const recharge = await readAloud(page, '朗读本页：余额、欠费和充值金额')
    expect(recharge).toContain('交燃气费。当前户号：我家，一零零零零零零零零一。')
    expect(recharge).toMatch(/已选充值[零一二两三四五六七八九十百千万元角分]+|请先选择充值金额/)
    expect(recharge).toContain('点“去支付”')
    expect(recharge).toMatch(SPOKEN)
    await namesHoldVisibleText(page)

    await openPage(page, '/pages/accounts/index', '我的户号')
    const accounts = await readAloud(page, '朗读本页：户号和户主')
    expect(accounts).toContain('共一个户号，当前户号：我家。')
    expect(accounts).toContain('户主')
    expect(accounts).toMatch(SPOKEN)
    await namesHoldVisibleText(page)

    await page.goto(`${BASE_URL}/#/pages/family/index?accountNo=1000000001`)
    await current(page).locator('.family-member').first().waitFor()
    const family = await readAloud(page, '朗读本页：邀请家人和已绑定的人')
    expect(family).toContain('户号一零零零零零零零零一。')
    // Other journeys bind the same account, so how many people it has depends on the order.
    expect(family).toMatch(/已绑定此户号的有[一二两三四五六七八九十]+人：手机尾号/)
    expect(family).toMatch(/手机尾号[零一二三四五六七八九]{4}（您）/)
    expect(family).toMatch(SPOKEN)

    await openPage(page, '/pages/my-data/index', '我的数据')
    const myData = await readAloud(page, '朗读本页：登录方式和绑定的户号')
    expect(myData).toContain('登录方式：手机号，手机尾号')
    expect(myData).toContain('绑定的户号：我家（户主身份），')
    expect(myData).toMatch(SPOKEN)
    await namesHoldVisibleText(page)

    await openPage(page, '/pages/bind/index', '绑定户号')
    const bind = await readAloud(page, '朗读本页：要填写的内容')
    expect(bind).toContain('绑定户号。户号印在燃气账单、缴费卡或燃气表上')
    expect(bind).toMatch(SPOKEN)
    await namesHoldVisibleText(page)
    await page.close()
  })

  test('when a resident opens a tiered gas bill on 账单, then 朗读 reads its lines in words', async () => {
    const page = await browser.context.newPage()
    await logInAndBind(page, ELDER, '1000000003')
    await openPage(page, '/pages/bills/index', '账单')
    const first = current(page).locator('.bill-item__head').first()
    await first.click()
    await current(page).locator('.bill-item__details').first().waitFor()
    const spoken = await readAloud(page, '朗读本页：应缴金额和账单')
    expect(spoken).toMatch(/明细：(本期用气[^；]+；)?第一阶梯，[^，]+立方米，每立方米[^，]+，共/)
    expect(spoken).toMatch(SPOKEN)
    await namesHoldVisibleText(page)
    await page.close()
  })
})
