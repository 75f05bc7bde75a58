import fc from 'fast-check'
import { codeOf } from './thrown-code'
import {
  areaDm2,
  dm2ToM2String,
  dm3ToM3String,
  m2StringToDm2,
  m3StringToDm3,
  volumeDm3,
} from './volume'

describe('volumes in dm³', () => {
  it.each([
    ['12.5', 12500],
    ['12.345', 12345],
    ['0.001', 1],
    ['350', 350000],
    ['0', 0],
  ])('when an upstream reading is %p m³, then it is %p dm³', (text, dm3) => {
    expect(m3StringToDm3(text)).toBe(dm3)
  })

  it.each(['12.3456', '-1', '1e3', '', '.5', '01', 'abc'])(
    'when an upstream reading is %p, then throws INVALID_VOLUME',
    (text) => {
      expect(codeOf(() => m3StringToDm3(text))).toBe('INVALID_VOLUME')
    },
  )

  it('when a volume is written as m³ and read back, then it is unchanged', () => {
    expect(dm3ToM3String(12500)).toBe('12.5')
    expect(dm3ToM3String(350000)).toBe('350')
    expect(dm3ToM3String(5)).toBe('0.005')
    fc.assert(fc.property(fc.maxSafeNat(), (v) => m3StringToDm3(dm3ToM3String(v)) === v))
  })

  it('when a volume is negative or fractional, then throws INVALID_VOLUME', () => {
    expect(codeOf(() => volumeDm3(-1))).toBe('INVALID_VOLUME')
    expect(codeOf(() => volumeDm3(0.5))).toBe('INVALID_VOLUME')
  })
})

describe('areas in dm²', () => {
  it('when a certificate area is 89.45 m², then it is 8945 dm² and reads back the same', () => {
    expect(m2StringToDm2('89.45')).toBe(8945)
    expect(dm2ToM2String(8945)).toBe('89.45')
    expect(dm2ToM2String(9000)).toBe('90')
    fc.assert(fc.property(fc.maxSafeNat(), (a) => m2StringToDm2(dm2ToM2String(a)) === a))
  })

  it('when an area has three decimals or is negative, then throws INVALID_AREA', () => {
    expect(codeOf(() => m2StringToDm2('89.451'))).toBe('INVALID_AREA')
    expect(codeOf(() => areaDm2(-1))).toBe('INVALID_AREA')
  })
})
