import { planLink } from './open-link'

describe('opening a link from a message or a home card', () => {
  test('when it names a page off the tab bar, then that page opens with its query', () => {
    expect(
      planLink('/pages/orders/detail?accountNo=1000000001&orderNo=R1&purpose=recharge'),
    ).toEqual({
      url: '/pages/orders/detail?accountNo=1000000001&orderNo=R1&purpose=recharge',
      how: 'navigate',
      accountNo: '1000000001',
    })
  })

  test('when it names a tab page with only its account, then the tab is switched to and the account travels apart', () => {
    expect(planLink('pages/bills/index?accountNo=1000000003')).toEqual({
      url: '/pages/bills/index',
      how: 'switchTab',
      accountNo: '1000000003',
    })
  })

  test('when a tab page needs more than the account (a bill to open), then the app starts over at it', () => {
    expect(planLink('/pages/bills/index?accountNo=1000000003&billId=G1')).toMatchObject({
      url: '/pages/bills/index?accountNo=1000000003&billId=G1',
      how: 'reLaunch',
    })
  })

  test('when the account in the link is not an account number, then it is not taken', () => {
    expect(planLink('/pages/bills/index?accountNo=abc').accountNo).toBeUndefined()
  })
})
