import { timelineSpeech } from './order-speech'

describe('an order’s steps read aloud', () => {
  test('when steps fall on different days, then each new day is read in full', () => {
    const text = timelineSpeech([
      { state: 'PAID', label: '已支付', at: '2026-11-26T23:59:00+08:00', done: true },
      { state: 'CREDITED', label: '已写卡', at: '2026-11-27T08:00:00+08:00', done: true },
    ])
    expect(text).toBe(
      '已支付，二零二六年十一月二十六日 晚上十一点五十九分；已写卡，二零二六年十一月二十七日 上午八点整。',
    )
  })

  test('when a step is behind the next one, then it is read as not started', () => {
    const text = timelineSpeech([
      { state: 'CREATED', label: '已下单', at: null, done: false },
      { state: 'PAID', label: '已支付', at: null, done: false },
    ])
    expect(text).toBe('已下单，等待中；已支付，还没开始。')
  })
})
