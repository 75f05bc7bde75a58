import type { CustomerAccount } from '../../contracts/customers'
import { holderMatches } from '../ports/customers/holder-match'
import { personas } from '../seed/personas'

const base = personas[0]?.account as CustomerAccount
const holder = (holderName: string, phone = '13912345678'): CustomerAccount => ({
  ...base,
  holderName,
  phone,
})

describe('holder proof matching', () => {
  it('when the holder has a two-character surname, then that surname matches and its first character does not', () => {
    const account = holder('欧阳娜娜')
    expect(holderMatches(account, { holderName: '欧阳', phoneLast4: '5678' })).toBe(true)
    expect(holderMatches(account, { holderName: '欧', phoneLast4: '5678' })).toBe(false)
  })

  it('when a transliterated name is typed without its middle dot or in full-width form, then it matches', () => {
    const account = holder('阿依古丽·买买提')
    expect(holderMatches(account, { holderName: '阿依古丽买买提', phoneLast4: '5678' })).toBe(true)
    expect(holderMatches(holder('张Ａ'), { holderName: '张A', phoneLast4: '5678' })).toBe(true)
  })

  it('when the name is right but the phone is not, then it does not match', () => {
    expect(holderMatches(holder('李四'), { holderName: '李四', phoneLast4: '5679' })).toBe(false)
  })
})
