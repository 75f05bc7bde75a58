import { speakAmountFen, speakDigits } from '@gh/shared'
import type { PaymentOptions } from '@gh/shared'
import { sentence, speakCount, speakShownText } from '../../voice/spoken-text'

/*
 * 交燃气费 read aloud, as the page stands when 朗读 is tapped: which account, how long the gas
 * lasts, what is owed, the amount chosen and what it buys, and the next step. The elder's most
 * common task, so every state of the page has words: logged out, no account, loading, refused.
 */

export interface RechargeFacts {
  loggedIn: boolean
  /** The list of bound accounts has not arrived (yet). */
  accountsLoading?: boolean
  /** The current account as the switcher shows it; absent when none is bound. */
  account?: { title: string; accountNo: string; suspended: boolean }
  /** The account's payment options once loaded. */
  options?: PaymentOptions
  /** The amount 去支付 would pay now; null when none is chosen (or the typed one is wrong). */
  amountFen?: number | null
}

const HEAD = '交燃气费。'

function amountsOffered(options: PaymentOptions): string {
  const allowed = options.recharge.presets.filter((p) => p.allowed)
  if (allowed.length === 0) return ''
  return `可选金额：${allowed.map((p) => speakAmountFen(p.amountFen)).join('、')}。`
}

function chosen(options: PaymentOptions, amountFen: number | null | undefined): string {
  if (amountFen === null || amountFen === undefined) {
    return '请先选择充值金额，再点“去支付”。'
  }
  const owed = options.bill.owedFen
  const parts = [`已选充值${speakAmountFen(amountFen)}`]
  if (owed > 0) {
    parts.push(
      `其中${speakAmountFen(owed)}抵扣欠费，${speakAmountFen(Math.max(0, amountFen - owed))}存入气表`,
    )
  }
  const preset = options.recharge.presets.find((p) => p.amountFen === amountFen)
  if (preset?.daysOfGas != null) parts.push(`充值后约可用${speakCount(preset.daysOfGas)}天`)
  return (
    `${parts.join('，')}。下一步：点“去支付”。` + '支付后可在缴费记录查看到账进度，不会重复扣款。'
  )
}

export function rechargeSpeech(facts: RechargeFacts): string {
  if (!facts.loggedIn) return `${HEAD}登录并绑定户号后可以充值。请点“去登录”。`
  const { account, options } = facts
  if (facts.accountsLoading) return `${HEAD}户号还没有加载出来，请稍后再点朗读。`
  if (!account) return `${HEAD}还没有绑定户号，绑定户号后才能充值。请点“去绑定户号”。`
  const parts = [HEAD, `当前户号：${account.title}，${speakDigits(account.accountNo)}。`]
  if (!options) return `${parts.join('')}充值信息正在加载，请稍后再点朗读。`

  const owed = options.bill.owedFen
  parts.push(
    options.daysOfGasNow === null
      ? '近期没有用气记录，暂时算不出余额可用天数。'
      : `当前余额约可用${speakCount(options.daysOfGasNow)}天。`,
  )
  if (owed > 0) {
    parts.push(`欠费${speakAmountFen(owed)}，充值会先抵扣欠费，充值金额不能少于欠费。`)
  }
  if (account.suspended) parts.push('该户已停止供气，不能在线充值。')
  if (options.recharge.refusal !== null) {
    parts.push(`暂时不能充值：${sentence(speakShownText(options.recharge.refusal))}`)
    if (owed > 0 && options.bill.refusal === null) parts.push('下一步：点“去缴清欠费”。')
    else parts.push('可以拨打客服电话或到营业厅办理。')
    return parts.join('')
  }
  parts.push(amountsOffered(options), chosen(options, facts.amountFen))
  return parts.join('')
}
