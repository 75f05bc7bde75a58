import { accountsSpeech, type AccountFacts } from './speech'

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
