import { billsSpeech, homeSpeech, meSpeech, speakPhone } from './scripts'
import { chunkText } from './types'

describe('what the 朗读 button says', () => {
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

  test('when there are bills, then the unpaid count, amounts and due dates are read', () => {
    const text = billsSpeech({
      loggedIn: true,
      bills: [
        { period: '十一月燃气费', amountFen: 8650, paid: false, dueDate: '2026-12-15' },
        { period: '十月燃气费', amountFen: 7000, paid: true },
        { period: '供暖费', amountFen: 250000, paid: false },
      ],
    })
    expect(text).toContain('共有两张账单未交。')
    expect(text).toContain('十一月燃气费，八十六元五角，未交，请在二零二六年十二月十五日前交费。')
    expect(text).toContain('十月燃气费，七十元，已交清。')
  })

  test('when not logged in or no bills, then bills says what to do', () => {
    expect(billsSpeech({ loggedIn: false, bills: [] })).toContain('登录并绑定户号后')
    expect(billsSpeech({ loggedIn: true, bills: [] })).toContain('暂无账单')
  })

  test('when elderly mode is on, then 我的 says so', () => {
    expect(meSpeech({ loggedIn: true, elder: true })).toContain('长辈模式已开启')
    expect(meSpeech({ loggedIn: false, elder: false })).toContain('您还没有登录')
  })

  test('when a phone has no digits, then nothing is read for it', () => {
    expect(speakPhone('--')).toBe('')
  })
})

describe('chunkText', () => {
  test('when text is longer than the limit, then it is split at sentence ends and nothing is lost', () => {
    const text = '第一句话。第二句话比较长一些。第三句。'
    const chunks = chunkText(text, 10)
    expect(chunks.every((c) => c.length <= 10)).toBe(true)
    expect(chunks.join('')).toBe(text)
  })

  test('when one sentence is longer than the limit, then it is cut into pieces', () => {
    const chunks = chunkText('一二三四五六七八九十一二', 5)
    expect(chunks.join('')).toBe('一二三四五六七八九十一二')
    expect(chunks.every((c) => c.length <= 5)).toBe(true)
  })
})
