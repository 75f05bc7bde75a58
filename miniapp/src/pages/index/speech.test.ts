import { homeSpeech } from './speech'

describe('what 朗读 says on the home page', () => {
  test('when nobody is logged in, then home reads the service intro and the phone digit by digit', () => {
    const text = homeSpeech({ loggedIn: false, servicePhone: '0531-96777' })
    expect(text).toContain('交燃气费')
    expect(text).toContain('客服电话：零五三一，九六七七七。')
  })

  test('when logged in with an amount due, then home reads the account digits, amount and balance', () => {
    const text = homeSpeech({
      loggedIn: true,
      accountNo: '1000000001',
      accountLabel: '父母家',
      amountDueFen: 12030,
      balanceFen: 200,
      asOf: '2026-11-26T09:30:00+08:00',
    })
    expect(text).toContain('当前户号：父母家，一零零零零零零零零一。')
    expect(text).toContain('您需要交费一百二十元三角。')
    expect(text).toContain('账户余额两元。')
    expect(text).toContain('二零二六年十一月二十六日')
  })

  test('when logged in but no account is bound, then home says so', () => {
    expect(homeSpeech({ loggedIn: true })).toContain('您还没有绑定户号')
  })
})
