import { loginSpeech } from './speech'

describe('登录 read aloud', () => {
  test('when the code was sent, then the steps and the masked phone it went to are read', () => {
    const text = loginSpeech({
      smsOpen: true,
      agreed: true,
      note: '验证码已发送到 138****5678，5分钟内有效',
    })
    expect(text).toContain(
      '用手机号登录：输入手机号，点“获取验证码”，收到短信后输入六位验证码，再点“登录”。',
    )
    expect(text).toContain('验证码已发送到手机尾号五六七八，五分钟内有效。')
  })

  test('when the platform has one-tap login, then its button is named first', () => {
    const text = loginSpeech({ platformLogin: '微信一键登录', smsOpen: false, agreed: true })
    expect(text).toContain('可以点“微信一键登录”。也可以点“用手机号验证码登录”。')
  })

  test('when the terms are not yet agreed, then the resident hears to tick them first', () => {
    expect(loginSpeech({ smsOpen: true, agreed: false })).toContain(
      '登录前请先勾选“我已阅读并同意用户协议和隐私政策”。',
    )
    expect(loginSpeech({ smsOpen: true, agreed: true })).not.toContain('请先勾选')
  })
})
