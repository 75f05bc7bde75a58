import { anOrder as order } from '../../../test/fixtures'
import { orderSpeech, ordersSpeech } from './speech'

describe('订单详情 read aloud', () => {
  test('when an order is on its way, then amount, account digit by digit, state and steps are read', () => {
    const text = orderSpeech(order())
    expect(text).toContain('燃气充值一百元。')
    expect(text).toContain('户号：一零零零零零零零零一。')
    expect(text).toContain('当前状态：已发往气表。')
    expect(text).toContain('气表联网后到账。')
    expect(text).toContain(
      '到账进度：已下单，二零二六年十一月二十六日 下午三点零七分；已支付，下午三点零八分；',
    )
    expect(text).toContain('气表已到账，等待中。')
  })

  test('when part of the money settled arrears, then that part is read too', () => {
    expect(orderSpeech(order({ toArrearsFen: 2050 }))).toContain('其中抵扣欠费二十元五角。')
  })

  test('when the hint carries digits, then it is left out rather than guessed at', () => {
    const text = orderSpeech(order({ hint: '15:37 后自动关闭' }))
    expect(text).not.toContain('15')
    expect(text).not.toContain('自动关闭')
  })
})

describe('缴费记录 read aloud', () => {
  test('when there are orders, then the count and the newest one are read', () => {
    const newest = order({ amountFen: 5000, stateLabel: '气表已到账', purpose: 'bill' })
    const text = ordersSpeech('1000000001', [newest, order()])
    expect(text).toContain('户号：一零零零零零零零零一。')
    expect(text).toContain('共两笔。')
    expect(text).toContain('最近一笔：账单缴费五十元，气表已到账，下单时间二零二六年十一月二十六日')
  })

  test('when there are no orders, then it says so', () => {
    expect(ordersSpeech('1000000001', [])).toContain('还没有缴费记录。')
  })
})
