import { accountNoFromQr } from './scan'

test('when a bill QR holds a link with the account number, then the number is taken from it', () => {
  expect(accountNoFromQr('https://gas.example.cn/pay?hh=1000000001&t=2026')).toBe('1000000001')
  expect(accountNoFromQr('https://x.cn/b?accountNo=2000000123')).toBe('2000000123')
})

test('when a meter QR holds the bare number, then it is used', () => {
  expect(accountNoFromQr('1000000007')).toBe('1000000007')
  expect(accountNoFromQr('户号:1000000007 表号:M000000007')).toBe('1000000007')
})

test('when the QR holds no 10-digit number, then nothing is filled in', () => {
  expect(accountNoFromQr('https://x.cn/?id=12345678901')).toBeUndefined()
  expect(accountNoFromQr('hello')).toBeUndefined()
})
