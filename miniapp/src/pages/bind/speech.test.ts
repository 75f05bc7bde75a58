import { bindSpeech } from './speech'

describe('绑定户号 read aloud', () => {
  test('when the holder proof is part filled and binding failed, then the typed number is read back but the proof is not', () => {
    const text = bindSpeech({
      loggedIn: true,
      accountNo: '1000000001',
      method: 'holder',
      holderNameFilled: true,
      phoneLast4Filled: false,
      label: '父母家',
      error: '户号或户主信息不正确，还可以再试2次',
    })
    expect(text).toContain('已填户号：一零零零零零零零零一。')
    expect(text).toContain('户主姓名已填写。手机号后四位还没有填。填好后点“绑定”。')
    expect(text).toContain('备注名：父母家。没有成功：户号或户主信息不正确，还可以再试两次。')
  })

  test('when the code is to go by SMS, then where it goes and the steps are read', () => {
    const text = bindSpeech({ loggedIn: true, accountNo: '', method: 'sms' })
    expect(text).toContain('户号还没有填。验证方式：短信验证。点“获取验证码”，')
    expect(text).toContain('收到后填写六位验证码，再点“绑定”。')
  })
})
