import { joinFamilySpeech, ownerFamilySpeech } from './speech'

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

  test('when nobody is logged in, then the login card’s 去登录 is the one step read', () => {
    expect(joinFamilySpeech({ loggedIn: false, codeFilled: false })).toBe(
      '家人。亲情账户：家人之间互相帮忙交费、报修。请先登录，请点“去登录”。',
    )
  })
})
