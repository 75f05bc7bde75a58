import { checkAmount } from './amount'

const limits = { refusal: null, minFen: 1000, maxFen: 200000, presets: [] }

test.each([
  ['100', 10000],
  ['88.5', 8850],
  ['88.50', 8850],
  [' 12.3 ', 1230],
  ['¥20', 2000],
  ['20元', 2000],
  ['66.', 6600],
  ['0.1', 10],
])('when the resident types %p, then it is %p fen', (text, fen) => {
  expect(checkAmount(text, { ...limits, minFen: 1 })).toEqual({ ok: true, amountFen: fen })
})

test('when a large amount with cents is typed, then the fen are exact (no float on the way)', () => {
  expect(checkAmount('1234567.89', { ...limits, maxFen: 999999999 })).toEqual({
    ok: true,
    amountFen: 123456789,
  })
})

test.each([
  ['', '请输入充值金额'],
  ['abc', '请输入正确的金额，最多两位小数，例如 100 或 88.50'],
  ['12.345', '请输入正确的金额，最多两位小数，例如 100 或 88.50'],
  ['-5', '请输入正确的金额，最多两位小数，例如 100 或 88.50'],
  ['1e3', '请输入正确的金额，最多两位小数，例如 100 或 88.50'],
  ['0', '请输入正确的金额'],
  ['9.99', '单笔充值不能少于¥10.00'],
  ['2000.01', '单笔充值不能超过¥2,000.00'],
])('when the resident types %p, then they read %p', (text, message) => {
  expect(checkAmount(text, limits)).toEqual({ ok: false, message })
})

test('when the account owes more than the tariff minimum, then the owed amount is the floor', () => {
  expect(checkAmount('50', { ...limits, minFen: 8000 })).toEqual({
    ok: false,
    message: '单笔充值不能少于¥80.00',
  })
})
