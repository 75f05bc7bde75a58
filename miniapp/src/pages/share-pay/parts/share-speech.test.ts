import { aShare, aSharedOrder } from './fixtures'
import { sharedOrderSpeech, shareSpeech } from './share-speech'

test('when a card is read aloud, then it says what, how much and only the visible digits of the account', () => {
  const text = shareSpeech(aShare({ amountFen: 10050 }))
  expect(text).toContain('家人请您代缴。燃气充值，一百元五角。')
  expect(text).toContain('户号尾号零零一。')
  expect(text).not.toMatch(/[*＊\d]/)
})

test('when the card lets the payer choose or cannot be paid, then that is what is read', () => {
  expect(shareSpeech(aShare({ amountFen: null }))).toContain('金额由您选择')
  const refused = shareSpeech(aShare({ refusal: '该户暂无待缴费用' }))
  expect(refused).toContain('暂时不能代缴：该户暂无待缴费用。')
  expect(refused).not.toContain('有效')
})

test('when the order is read aloud, then its state and each step are read without the account', () => {
  const text = sharedOrderSpeech(aSharedOrder())
  expect(text).toMatch(
    /^代缴订单。燃气充值一百元。户号尾号零零一。当前状态：已支付，正在发往气表。/,
  )
  expect(text).toContain('气表已到账，等待中')
  expect(text).not.toMatch(/\d/)
})
