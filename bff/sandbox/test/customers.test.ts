import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

describe('customers port: GET /customers/v1/accounts/:accountNo', () => {
  it.each([
    ['1000000001', 'iot_prepaid', 'active', '王建国'],
    ['1000000002', 'ic_prepaid', 'active', '李秀英'],
    ['1000000003', 'postpaid_gas', 'active', '张伟'],
    ['1000000004', 'heating', 'active', '刘洋'],
    ['1000000005', 'postpaid_gas', 'arrears', '陈静'],
    ['1000000006', 'iot_prepaid', 'suspended', '赵磊'],
  ])(
    'when persona %s is looked up, then it is a %s account in status %s held by %s',
    async (accountNo, kind, status, holderName) => {
      const { http } = await startSandbox()
      const res = await http.get(`/customers/v1/accounts/${accountNo}`).expect(200)
      expect(res.body).toMatchObject({ accountNo, kind, status, holderName })
    },
  )

  it('when the elderly persona is looked up, then the full record is unmasked and tagged as living alone', async () => {
    const { http } = await startSandbox()
    const res = await http.get('/customers/v1/accounts/1000000007').expect(200)
    expect(res.body.holderName).toBe('孙桂兰')
    expect(res.body.phone).toBe('13803110007')
    expect(res.body.idNumber).toMatch(/^13010519410808\d{3}[\dX]$/)
    expect(res.body.address.full).toContain('新华区')
    expect(res.body.careTags).toEqual(['elderly', 'living_alone'])
  })

  it('when the family personas are looked up, then the parents share one address and the payer lives elsewhere', async () => {
    const { http } = await startSandbox()
    const [gas, heating, payer] = await Promise.all(
      ['1000000008', '1000000009', '1000000010'].map((n) =>
        http.get(`/customers/v1/accounts/${n}`).expect(200),
      ),
    )
    expect(gas?.body.kind).toBe('iot_prepaid')
    expect(heating?.body.kind).toBe('heating')
    expect(heating?.body.meterNo).toBeNull()
    expect(heating?.body.address).toEqual(gas?.body.address)
    expect(heating?.body.idNumber).toBe(gas?.body.idNumber)
    expect(payer?.body.holderName).toBe('周明')
    expect(payer?.body.address.full).not.toBe(gas?.body.address.full)
  })

  it('when the account does not exist, then 404 ACCOUNT_NOT_FOUND in the upstream error format', async () => {
    const { http } = await startSandbox({ config: { accounts: 10 } })
    const res = await http.get('/customers/v1/accounts/2000000011').expect(404)
    expect(res.body).toEqual({ code: 'ACCOUNT_NOT_FOUND', message: expect.any(String) })
  })

  it.each(['123', '10000000011', 'abcdefghij', '10000 0001'])(
    'when the account number is malformed (%s), then 400 INVALID_ARGUMENT',
    async (bad) => {
      const { http } = await startSandbox()
      const res = await http.get(`/customers/v1/accounts/${encodeURIComponent(bad)}`).expect(400)
      expect(res.body.code).toBe('INVALID_ARGUMENT')
      expect(typeof res.body.message).toBe('string')
    },
  )
})

describe('customers port: POST /customers/v1/accounts/:accountNo/verify-holder', () => {
  const verify = async (accountNo: string, body: object) => {
    const { http } = await startSandbox()
    return http.post(`/customers/v1/accounts/${accountNo}/verify-holder`).send(body)
  }

  it.each([
    ['the full name', '王建国'],
    ['the surname only', '王'],
    ['the full name with stray spaces', ' 王 建国 '],
  ])(
    'when the proof gives %s and the right phone digits, then it matches',
    async (_, holderName) => {
      const res = await verify('1000000001', { holderName, phoneLast4: '0001' })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ match: true })
    },
  )

  it.each([
    ['the wrong phone digits', '王建国', '1234'],
    ['another surname', '李', '0001'],
    ['part of the given name', '建国', '0001'],
    ['a longer name', '王建国华', '0001'],
  ])('when the proof gives %s, then it does not match', async (_, holderName, phoneLast4) => {
    const res = await verify('1000000001', { holderName, phoneLast4 })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ match: false })
  })

  it('when the proof is incomplete, then 400 INVALID_ARGUMENT', async () => {
    const res = await verify('1000000001', { holderName: '王建国', phoneLast4: '12' })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('INVALID_ARGUMENT')
  })

  it('when the body is not JSON, then 400 INVALID_ARGUMENT', async () => {
    const { http } = await startSandbox()
    const res = await http
      .post('/customers/v1/accounts/1000000001/verify-holder')
      .set('content-type', 'application/json')
      .send('{"holderName":')
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('INVALID_ARGUMENT')
  })

  it('when the account does not exist, then 404 ACCOUNT_NOT_FOUND', async () => {
    const res = await verify('1999999999', { holderName: '王', phoneLast4: '0001' })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('ACCOUNT_NOT_FOUND')
  })
})

describe('customers port: POST /customers/v1/accounts/search-by-phone', () => {
  it('when a holder’s full number is searched, then their accounts answer in account-number order; part of it or an unknown number finds none', async () => {
    const { http } = await startSandbox({ config: { accounts: 10 } })
    const found = await http
      .post('/customers/v1/accounts/search-by-phone')
      .send({ phone: '13803110007' })
      .expect(200)
    expect(found.body.items.map((a: { accountNo: string }) => a.accountNo)).toEqual(['1000000007'])
    const unknown = await http
      .post('/customers/v1/accounts/search-by-phone')
      .send({ phone: '19900000000' })
      .expect(200)
    expect(unknown.body.items).toEqual([])
    await http
      .post('/customers/v1/accounts/search-by-phone')
      .send({ phone: '1380311000' })
      .expect(400)
  })
})
