import { UpstreamError } from '../../contracts/common'
import { CustomerAccount, VerifyHolderResponse } from '../../contracts/customers'
import { personas } from '../seed/personas'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

/** Parsing strips unknown fields, so equality also catches fields the contract does not name. */
function expectConforms(schema: { parse(input: unknown): unknown }, body: unknown): void {
  expect(schema.parse(body)).toEqual(body)
}

describe('sandbox answers conform to the customers contract', () => {
  it('when any persona or generated account is fetched, then the 200 body is a CustomerAccount', async () => {
    const { http } = await startSandbox({ config: { accounts: 50 } })
    const numbers = [
      ...personas.map((p) => p.account.accountNo),
      ...Array.from({ length: 50 }, (_, i) => String(2_000_000_001 + i)),
    ]
    for (const accountNo of numbers) {
      const res = await http.get(`/customers/v1/accounts/${accountNo}`).expect(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expectConforms(CustomerAccount, res.body)
    }
  })

  it('when an account is unknown or malformed, then the 404 and 400 bodies are UpstreamErrors', async () => {
    const { http } = await startSandbox({ config: { accounts: 0 } })
    const notFound = await http.get('/customers/v1/accounts/2000000001').expect(404)
    expectConforms(UpstreamError, notFound.body)
    expect(notFound.body.code).toBe('ACCOUNT_NOT_FOUND')
    const invalid = await http.get('/customers/v1/accounts/42').expect(400)
    expect(UpstreamError.safeParse(invalid.body).success).toBe(true)
  })

  it('when a faulted port answers, then its 503 body is an UpstreamError', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 1 })
    const res = await http.get('/customers/v1/accounts/1000000001').expect(503)
    expectConforms(UpstreamError, res.body)
  })

  it('when a holder proof is checked, then the body is a VerifyHolderResponse', async () => {
    const { http } = await startSandbox()
    const res = await http
      .post('/customers/v1/accounts/1000000003/verify-holder')
      .send({ holderName: '张伟', phoneLast4: '0003' })
      .expect(200)
    expectConforms(VerifyHolderResponse, res.body)
  })
})
