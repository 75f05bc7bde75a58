import { sentence, speakShownText } from '../../voice/spoken-text'

/*
 * What 朗读 says on 登录. A phone number is read as masked as the page shows it; the SMS code is
 * never read.
 */

export interface LoginFacts {
  /** The platform's one-tap login button ('微信一键登录'); absent on H5. */
  platformLogin?: string
  smsOpen: boolean
  /** Whether 用户协议/隐私政策 is ticked; login waits for it. */
  agreed: boolean
  /** The line under the SMS form ('验证码已发送到 138****5678，5分钟内有效') or an error. */
  note?: string
}

export function loginSpeech(facts: LoginFacts): string {
  const parts = ['登录。登录后可以绑定户号、交费、查账单和报修。']
  if (facts.platformLogin) parts.push(`可以点“${facts.platformLogin}”。`)
  if (facts.smsOpen) {
    parts.push(
      `${facts.platformLogin ? '也可以' : ''}用手机号登录：输入手机号，点“获取验证码”，` +
        '收到短信后输入六位验证码，再点“登录”。',
    )
  } else {
    parts.push('也可以点“用手机号验证码登录”。')
  }
  if (!facts.agreed) parts.push('登录前请先勾选“我已阅读并同意用户协议和隐私政策”。')
  if (facts.note) parts.push(sentence(speakShownText(facts.note)))
  parts.push('我们只保存登录所需的信息，不保存昵称和头像；可随时在“我的数据”中查看或注销。')
  return parts.join('')
}
