import { shareCards, sharePath } from './share'

describe('share cards (请家人帮忙)', () => {
  test('when an order page is shared, then the card opens that order of that account', () => {
    const card = shareCards.order({ accountNo: '1000000001', orderNo: 'R2026_1', purpose: 'bill' })
    expect(card.path).toBe('/pages/orders/detail?accountNo=1000000001&orderNo=R2026_1&purpose=bill')
    expect(card.title).toContain('缴费')
  })

  test('when a page is shared with its account, then the account travels; without one, none', () => {
    expect(shareCards.recharge('1000000002').path).toBe(
      '/pages/recharge/index?accountNo=1000000002',
    )
    expect(shareCards.bills(undefined).path).toBe('/pages/bills/index')
    expect(shareCards.repairs('').path).toBe('/pages/repairs/index')
    expect(shareCards.home('1000000001').path).toBe('/pages/index/index?accountNo=1000000001')
  })

  test('when the query holds the sender mode or Taro keys, then they are left off the card', () => {
    const path = sharePath('pages/bills/index?old=1', {
      elder: '1',
      $taroTimestamp: '123',
      accountNo: '1000000001',
    })
    expect(path).toBe('/pages/bills/index?accountNo=1000000001')
  })

  test('when a value needs escaping, then it is encoded so the card opens the same value', () => {
    expect(sharePath('/pages/orders/detail', { orderNo: 'a&b=c' })).toBe(
      '/pages/orders/detail?orderNo=a%26b%3Dc',
    )
  })

  test('when no route is known, then the card opens home', () => {
    expect(sharePath('')).toBe('/pages/index/index')
  })
})
