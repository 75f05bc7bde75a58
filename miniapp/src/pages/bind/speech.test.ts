import {
  accountsSpeech,
  bindSpeech,
  joinFamilySpeech,
  ownerFamilySpeech,
  type AccountFacts,
} from './account-scripts'

const home: AccountFacts = {
  title: '我家',
  accountNo: '1000000001',
  current: true,
  isDefault: true,
  familyShared: false,
  kindName: '燃气·物联网表（预付费）',
  holderNameMasked: '王**',
  addressMasked: '示范市东城区和平路18号幸福里小区**栋**单元***',
}

describe('我的户号 read aloud', () => {
  test('when two accounts are bound, then each card is read with its holder and address masked as shown', () => {
    const parents: AccountFacts = {
      ...home,
      title: '父母家',
      accountNo: '1000000002',
      current: false,
      isDefault: false,
      familyShared: true,
      holderNameMasked: '李**',
    }
    const text = accountsSpeech({ loggedIn: true, accounts: [home, parents] })
    expect(text).toContain('我的户号。共两个户号，当前户号：我家。')
    expect(text).toContain(
      '我家，户号一零零零零零零零零一，当前户号，默认，燃气·物联网表（预付费），户主王某，' +
        '地址示范市东城区和平路十八号幸福里小区某栋某单元某室。',
    )
    expect(text).toContain('父母家，户号一零零零零零零零零二，家人共享')
    expect(text).toContain('点“切换到此户号”可以换成别的户号；')
    expect(text).not.toContain('*')
  })

  test('when no account is bound, then the two ways to add one are read', () => {
    expect(accountsSpeech({ loggedIn: true, accounts: [] })).toContain(
      '下一步：点“绑定新户号”，或点“用家人的邀请码添加”。',
    )
  })
})

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

describe('家人 read aloud', () => {
  test('when the owner made an invite and two people share the account, then the code is not read but when it expires and who shares it are', () => {
    const text = ownerFamilySpeech({
      accountNo: '1000000001',
      inviteExpiresAt: '2026-11-27T09:30:00+08:00',
      members: [
        {
          displayMasked: '138****5678',
          isYou: true,
          owner: true,
          joinedAt: '2026-11-26T09:00:00+08:00',
        },
        {
          displayMasked: '微信用户',
          isYou: false,
          owner: false,
          joinedAt: '2026-11-26T10:00:00+08:00',
        },
      ],
    })
    expect(text).toContain('户号一零零零零零零零零一。')
    expect(text).toContain(
      '邀请码已生成，显示在屏幕上，二零二六年十一月二十七日 上午九点三十分前有效',
    )
    expect(text).toContain(
      '已绑定此户号的有两人：手机尾号五六七八（您），户主身份绑定，二零二六年十一月二十六日 上午九点整加入；',
    )
    expect(text).toContain('微信用户，家人，')
  })

  test('when a family member joins with a code, then the steps are read and the typed code is not', () => {
    const text = joinFamilySpeech({ loggedIn: true, codeFilled: true, label: '父母家' })
    expect(text).toContain('邀请码已填写。备注名：父母家。下一步：点“添加户号”。')
  })
})
