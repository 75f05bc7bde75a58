import { CustomerAccount } from '../../contracts/customers'
import { AccountDirectory } from '../ports/customers/directory'
import { generateAccount } from '../seed/generate'
import { isValidIdNumber } from '../seed/id-number'
import { personas } from '../seed/personas'
import { districts } from '../seed/places'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

describe('seed data', () => {
  it('when the same seed is used twice, then the generated accounts are identical', () => {
    const a = new AccountDirectory(20261126, 500).generated(0, 500)
    const b = new AccountDirectory(20261126, 500).generated(0, 500)
    expect(a).toEqual(b)
  })

  it('when another seed is used, then holders, phones and addresses differ', () => {
    const a = new AccountDirectory(1, 200).generated(0, 200)
    const b = new AccountDirectory(2, 200).generated(0, 200)
    const samePhone = a.filter((acc, i) => acc.phone === b[i]?.phone).length
    const sameAddress = a.filter((acc, i) => acc.address.full === b[i]?.address.full).length
    expect(samePhone).toBe(0)
    expect(sameAddress).toBeLessThan(20)
  })

  it('when more accounts are asked for, then the first ones stay the same', () => {
    expect(new AccountDirectory(5, 10).generated(0, 10)).toEqual(
      new AccountDirectory(5, 100_000).generated(0, 10),
    )
  })

  it('when the personas are listed, then every kind, status and care situation is there', () => {
    const accounts = personas.map((p) => p.account)
    const kinds = new Set(accounts.map((a) => a.kind))
    const statuses = new Set(accounts.map((a) => a.status))
    expect([...kinds].sort()).toEqual(['heating', 'ic_prepaid', 'iot_prepaid', 'postpaid_gas'])
    expect([...statuses].sort()).toEqual(['active', 'arrears', 'suspended'])
    expect(accounts.some((a) => a.careTags.includes('living_alone'))).toBe(true)
    expect(new Set(accounts.map((a) => a.accountNo)).size).toBe(accounts.length)
    for (const account of accounts) expect(CustomerAccount.parse(account)).toEqual(account)
  })

  it('when 100 000 accounts are generated, then all are distinct, valid and served', async () => {
    const { http, sandbox } = await startSandbox({ config: { accounts: 100_000 } })
    const directory = sandbox.state.ports.customers.directory
    const all = directory.generated(0, 100_000)

    expect(all).toHaveLength(100_000)
    expect(new Set(all.map((a) => a.accountNo)).size).toBe(100_000)
    const meters = all.flatMap((a) => (a.meterNo ? [a.meterNo] : []))
    expect(new Set(meters).size).toBe(meters.length)
    expect(all.filter((a) => !isValidIdNumber(a.idNumber))).toEqual([])
    expect(all.filter((a) => !/^1[3-9]\d{9}$/.test(a.phone))).toEqual([])
    for (let i = 0; i < all.length; i += 997) {
      expect(CustomerAccount.parse(all[i])).toEqual(all[i])
    }

    const last = all[99_999]?.accountNo ?? ''
    await http.get(`/customers/v1/accounts/${last}`).expect(200)
    await http.get(`/customers/v1/accounts/${Number(last) + 1}`).expect(404)
  }, 30_000)

  it('when an account is generated, then its data hang together (heating has no meter, opened as an adult, area in its district)', () => {
    for (let i = 0; i < 2000; i++) {
      const a = generateAccount(20261126, i)
      expect(a.meterNo === null).toBe(a.kind === 'heating')
      const birthYear = Number(a.idNumber.slice(6, 10))
      expect(Number(a.openedAt.slice(0, 4))).toBeGreaterThanOrEqual(birthYear + 18)
      const district = districts.find((d) => d.name === a.address.district)
      expect(a.areaCode.slice(0, 6)).toBe(district?.code)
    }
  })
})

describe('identity card numbers', () => {
  it('when the published sample number is checked, then it is valid, and any changed digit makes it invalid', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('11010519491231003X')).toBe(false)
    expect(isValidIdNumber('110105194912310021')).toBe(false)
  })
})
