import { speakDigits } from '@gh/shared'
import { LOG_IN_FIRST, sentence, speakShownText } from '../../voice/spoken-text'

/*
 * What 朗读 says on 绑定户号: what the page shows, in words, and the next step. What the resident
 * types as proof (户主姓名, 手机号后四位) is never read out: it would be heard by whoever is near,
 * and a speech service would receive it.
 */

export interface BindFacts {
  loggedIn: boolean
  /** The 户号 typed or scanned so far. */
  accountNo: string
  /** How the binding is proven: a code sent to the reserved phone, or the holder's name. */
  method: 'sms' | 'holder'
  /** 户主姓名验证 only: which proof fields have something in them. */
  holderNameFilled?: boolean
  phoneLast4Filled?: boolean
  label?: string
  error?: string
}

/** 绑定户号: the fields to fill in, which are filled, what went wrong, the next step. */
export function bindSpeech(facts: BindFacts): string {
  const head = '绑定户号。'
  if (!facts.loggedIn) return `${head}${LOG_IN_FIRST}`
  const typed = facts.accountNo.replace(/\s/g, '')
  const parts = [
    head,
    '户号印在燃气账单、缴费卡或燃气表上，是十位数字。',
    /^\d+$/.test(typed) ? `已填户号：${speakDigits(typed)}。` : '户号还没有填。',
  ]
  if (facts.method === 'sms') {
    parts.push(
      '验证方式：短信验证。点“获取验证码”，验证码会发到开户时登记的手机号上，不一定是本机；' +
        '收到后填写六位验证码，再点“绑定”。' +
        '预留手机号已不用的，可以改用“户主姓名验证”。',
    )
  } else {
    parts.push(
      '验证方式：户主姓名验证。请填写户主姓名，填姓氏也可以；再填开户时登记的手机号后四位。',
      facts.holderNameFilled ? '户主姓名已填写。' : '户主姓名还没有填。',
      facts.phoneLast4Filled ? '手机号后四位已填写。' : '手机号后四位还没有填。',
      '填好后点“绑定”。',
    )
  }
  if (facts.label) parts.push(`备注名：${facts.label}。`)
  if (facts.error) parts.push(`没有成功：${sentence(speakShownText(facts.error))}`)
  parts.push('为保护户主信息，多次填错会暂停绑定一段时间。')
  return parts.join('')
}

/** 绑定 opened from an agent's link: what to check and the one step. */
export function agentLinkBindSpeech(): string {
  return (
    '绑定户号。这是客服发来的链接，客服已当面核对户主信息。' +
    '请核对屏幕上的户号和户主，再点下方的按钮确认。'
  )
}
