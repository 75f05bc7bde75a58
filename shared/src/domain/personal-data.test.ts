import fc from 'fast-check'
import { maskIdNumber, maskPhone } from './mask'
import {
  containsUnmaskedPersonalData,
  findUnmaskedPersonalData,
  isValidId18,
} from './personal-data'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function withCheckChar(first17: string): string {
  const sum = Array.from(first17).reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] ?? 0), 0)
  return first17 + ('10X98765432'[sum % 11] ?? '')
}

describe('isValidId18', () => {
  it('when the check character is right, then the ID is valid', () => {
    expect(isValidId18('11010519491231002X')).toBe(true)
    expect(isValidId18('11010519491231002x')).toBe(true)
    expect(isValidId18('440304200101011236')).toBe(true)
  })

  it('when the check character, province or birth date is wrong, then the ID is not valid', () => {
    expect(isValidId18('110105194912310021')).toBe(false)
    expect(isValidId18(withCheckChar('00010519491231002'))).toBe(false)
    expect(isValidId18(withCheckChar('11010519490231002'))).toBe(false)
    expect(isValidId18(withCheckChar('11010519490229002'))).toBe(false) // 1949 not a leap year
    expect(isValidId18(withCheckChar('11010520000229002'))).toBe(true)
  })
})

describe('containsUnmaskedPersonalData', () => {
  it.each([
    ['a bare mobile', '13812345678'],
    ['a mobile in JSON', '{"phone":"13812345678"}'],
    ['a mobile in a sentence', '请联系19912345678。'],
    ['a mobile with +86', 'tel +8613812345678'],
    ['a mobile written 3-4-4', '138-1234-5678'],
    ['a mobile written with spaces', '电话 138 1234 5678'],
    ['an 18-character ID', 'id=11010519491231002X&x=1'],
    ['an 18-character ID in Chinese text', '身份证440304200101011236已登记'],
    ['a 15-digit old ID', '{"idNo":"110105491231002"}'],
  ])('when the text holds %s, then it is reported', (_, text) => {
    expect(containsUnmaskedPersonalData(text)).toBe(true)
  })

  it.each([
    ['a 10-digit account number', '{"accountNo":"1000000001"}'],
    ['fen amounts', '{"amountFen":12345678,"balanceFen":-500}'],
    ['epoch seconds and milliseconds', 'ts=1795656600 t=1795656600123'],
    ['an ISO time', '2026-11-26T09:30:00+08:00'],
    ['a compact timestamp', '20261126093000123'],
    ['an 18-digit order number', 'out_trade_no=202611260930001234'],
    ['a 19-digit snowflake id', '1863456789012345678'],
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a 12-digit number starting 13', '138123456789'],
    ['a mobile glued to letters', 'req_ab13812345678cd'],
    ['an 18-digit number with a wrong checksum', '110105194912310021'],
    ['masked values', '138****5678 1****************X 100****001 张** '],
    ['mixed separators', '138-1234 5678'],
  ])('when the text holds %s, then nothing is reported', (_, text) => {
    expect(containsUnmaskedPersonalData(text)).toBe(false)
  })

  it('when several items leak, then each is found in order, without its value', () => {
    const text = 'a 13812345678 b 11010519491231002X'
    expect(findUnmaskedPersonalData(text)).toEqual([
      { kind: 'mobile', index: 2 },
      { kind: 'id18', index: 16 },
    ])
  })

  it('when a valid ID is masked, then it is no longer reported', () => {
    const date = fc
      .date({
        min: new Date('1930-01-01T00:00:00Z'),
        max: new Date('2025-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''))
    fc.assert(
      fc.property(
        fc.constantFrom('11', '31', '44', '65'),
        fc.stringMatching(/^\d{4}$/),
        date,
        fc.stringMatching(/^\d{3}$/),
        (province, area, birth, seq) => {
          const id = withCheckChar(province + area + birth + seq)
          return (
            containsUnmaskedPersonalData(`x ${id} y`) &&
            !containsUnmaskedPersonalData(`x ${maskIdNumber(id)} y`)
          )
        },
      ),
    )
  })

  it('when random 10-digit account numbers and amounts are scanned, then nothing is reported', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10}$/),
        fc.integer({ min: -1_000_000_000, max: 9_999_999_999 }),
        (accountNo, amount) =>
          !containsUnmaskedPersonalData(`{"accountNo":"${accountNo}","amountFen":${amount}}`),
      ),
    )
  })

  it('when a mobile is masked in a log line, then the line passes', () => {
    expect(containsUnmaskedPersonalData(`login phone=${maskPhone('13812345678')}`)).toBe(false)
  })
})
