import type { Locator, Page } from 'playwright-core'
import { BASE_URL } from './browser'
import { seriousAxeViolations, tapTargets, visibleText } from './measure'

/* What the journey tests (login, bind, top up) share: the visible page, forms, the checks. */

export const SANDBOX_URL = (process.env.SANDBOX_URL ?? 'http://127.0.0.1:4100').replace(/\/$/, '')

/** Both modes a journey runs in, with the minimum text and main-control sizes of each. */
export const modes = [
  { mode: 'normal', query: '', minText: 12, minMain: 44 },
  { mode: 'elder', query: '?elder=1', minText: 18, minMain: 60 },
] as const

/** Taro's H5 keeps earlier pages in the DOM; only the shown one counts. */
export const current = (page: Page): Locator => page.locator('.taro_page_show')

/** What a resident sees meets the mode's numbers and axe finds nothing serious. */
export async function checkScreen(page: Page, min: { minText: number; minMain: number }) {
  const small = (await visibleText(page)).filter((t) => t.fontSize < min.minText)
  expect(small).toEqual([])
  const targets = await tapTargets(page)
  expect(targets.filter((t) => t.width < 44 || t.height < (t.main ? min.minMain : 44))).toEqual([])
  expect(await seriousAxeViolations(page)).toEqual([])
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  await current(page).getByLabel(label, { exact: true }).locator('input').fill(value)
}

/** The login code the sandbox's SMS gateway recorded for this phone. */
export async function smsCode(phone: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${SANDBOX_URL}/sandbox/sms?phone=${phone}`)
    const body = (await res.json()) as { items: { code: string | null }[] }
    const code = body.items[0]?.code
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('no SMS reached the sandbox inbox')
}

/** Taps a 朗读 button with Web Speech stubbed, and returns what would have been read aloud. */
export async function readAloud(page: Page, label: string): Promise<string> {
  await page.evaluate(() => {
    const heard: string[] = []
    Object.assign(window, { heard })
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      heard.push(u.text)
      u.onend?.(new Event('end') as SpeechSynthesisEvent)
    }
  })
  await current(page).getByRole('button', { name: label }).click()
  return page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(''))
}

let phones = 0

/** Phone + SMS code on the login page already shown (a new resident each time). */
/** Ticks 我已阅读并同意《用户协议》和《隐私政策》 on 登录 unless this browser already did. */
export async function agreeToTerms(page: Page): Promise<void> {
  const box = current(page).getByRole('checkbox', { name: '我已阅读并同意用户协议和隐私政策' })
  if ((await box.getAttribute('aria-checked')) !== 'true') await box.click()
}

export async function logInBySms(page: Page): Promise<void> {
  const phone = `13${(Date.now() * 10 + (phones++ % 10)).toString().slice(-9)}`
  await current(page).getByRole('heading', { name: '登录' }).waitFor()
  await agreeToTerms(page)
  await fill(page, '手机号', phone)
  await current(page).getByRole('button', { name: '获取验证码' }).click()
  await fill(page, '验证码', await smsCode(phone))
  await current(page).getByRole('button', { name: '登录', exact: true }).click()
}

/** Logs a new resident in (in the mode of `query`) and binds one seeded persona as 我家. */
export async function logInAndBind(page: Page, query: string, accountNo: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/pages/login/index${query}`)
  await logInBySms(page)
  await current(page).getByRole('heading', { name: '我的户号' }).waitFor()
  const proof = await personaProof(accountNo)
  await current(page).getByRole('button', { name: '绑定新户号' }).click()
  await fill(page, '户号', accountNo)
  await current(page)
    .getByRole('button', { name: /^户主姓名验证/ })
    .click()
  await fill(page, '户主姓名', proof.holderName)
  await fill(page, '预留手机号后4位', proof.phoneLast4)
  await current(page).getByRole('button', { name: '我家', exact: true }).click()
  await current(page).getByRole('button', { name: '绑定', exact: true }).click()
  await current(page).getByText('全部户号（1）').waitFor()
}

/** One account of the sandbox listing with its binding proof. */
export interface SandboxAccount {
  accountNo: string
  holderName: string
  phoneLast4: string
  kind: 'iot_prepaid' | 'ic_prepaid' | 'postpaid_gas' | 'heating'
  status: 'active' | 'arrears' | 'suspended'
}

/** The personas and one page of generated accounts (numbered from 2000000001), with proofs. */
export async function sandboxAccounts(page = 1): Promise<SandboxAccount[]> {
  const res = await fetch(`${SANDBOX_URL}/sandbox/accounts?page=${page}&pageSize=200`)
  const body = (await res.json()) as {
    personas: SandboxAccount[]
    generated: { items: SandboxAccount[] }
  }
  return [...body.personas, ...body.generated.items]
}

/** The holder proof (name, last 4 digits of the reserved phone) of a seeded account. */
export async function personaProof(
  accountNo: string,
): Promise<{ holderName: string; phoneLast4: string }> {
  const generated = Number(accountNo) - 2_000_000_000
  const page = generated > 0 ? Math.ceil(generated / 200) : 1
  const proof = (await sandboxAccounts(page)).find((a) => a.accountNo === accountNo)
  if (!proof) throw new Error(`account ${accountNo} is not in the sandbox listing`)
  return proof
}

/** On the 绑定户号 page already shown: binds a seeded persona as 我家 by its holder proof. */
export async function bindShown(page: Page, accountNo: string): Promise<void> {
  const proof = await personaProof(accountNo)
  await current(page).getByRole('heading', { name: '绑定户号' }).waitFor()
  await fill(page, '户号', accountNo)
  await current(page)
    .getByRole('button', { name: /^户主姓名/ })
    .click()
  await fill(page, '户主姓名', proof.holderName)
  await fill(page, '预留手机号后4位', proof.phoneLast4)
  await current(page).getByRole('button', { name: '我家', exact: true }).click()
  await current(page).getByRole('button', { name: '绑定', exact: true }).click()
}

/**
 * On the bind page, binds `accountNo` the recommended way: a code sent to the account's reserved
 * phone (persona 10000000NN's is 138031100NN), read from the sandbox's inbox as the holder would
 * read it on that phone. `beforeSubmit` runs with the code filled in (for a screenshot).
 */
export async function bindBySms(
  page: Page,
  accountNo: string,
  beforeSubmit: () => Promise<void> = async () => undefined,
): Promise<void> {
  const reserved = `138031100${accountNo.slice(-2)}`
  await current(page).getByRole('heading', { name: '绑定户号' }).waitFor()
  await fill(page, '户号', accountNo)
  await current(page).getByRole('button', { name: '获取验证码' }).click()
  await current(page)
    .getByText(/验证码已发送到户号预留的手机号 138\*+/)
    .waitFor()
  await fill(page, '验证码', await smsCode(reserved))
  await current(page).getByRole('button', { name: '我家', exact: true }).click()
  await beforeSubmit()
  await current(page).getByRole('button', { name: '绑定', exact: true }).click()
}
