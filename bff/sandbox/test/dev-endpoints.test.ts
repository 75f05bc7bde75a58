import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AccountsPage } from '../admin/schemas'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

describe('developer endpoints', () => {
  it('when accounts are listed, then every persona is there with a proof that actually binds', async () => {
    const { http } = await startSandbox()
    const res = await http.get('/sandbox/accounts').expect(200)
    const page = AccountsPage.parse(res.body)
    expect(page.personas.length).toBeGreaterThanOrEqual(8)
    for (const p of [...page.personas, ...page.generated.items.slice(0, 5)]) {
      expect(p.description).toMatch(/[\u4e00-\u9fff]/)
      const proof = { holderName: p.holderName, phoneLast4: p.phoneLast4 }
      const verify = await http
        .post(`/customers/v1/accounts/${p.accountNo}/verify-holder`)
        .send(proof)
        .expect(200)
      expect(verify.body).toEqual({ match: true })
    }
  })

  it('when a later page is asked for, then it continues the account numbers', async () => {
    const { http } = await startSandbox({ config: { accounts: 30 } })
    const res = await http.get('/sandbox/accounts?page=2&pageSize=20').expect(200)
    expect(res.body.generated).toMatchObject({ total: 30, page: 2, pageSize: 20 })
    expect(res.body.generated.items.map((i: { accountNo: string }) => i.accountNo)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(2_000_000_021 + i)),
    )
  })

  it('when the sandbox document is fetched, then it is OpenAPI 3.1 listing the developer endpoints', async () => {
    const { http } = await startSandbox()
    const res = await http.get('/sandbox/openapi.json').expect(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/sandbox/accounts',
        '/sandbox/faults',
        '/sandbox/faults/{port}',
        '/sandbox/clock',
        '/sandbox/contracts/{file}',
      ]),
    )
  })

  it('when the customers contract is fetched from the sandbox, then it is the committed document', async () => {
    const { http } = await startSandbox()
    const res = await http.get('/sandbox/contracts/customers.openapi.json').expect(200)
    const committed = join(__dirname, '../../contracts/customers.openapi.json')
    expect(res.body).toEqual(JSON.parse(readFileSync(committed, 'utf8')))
    await http.get('/sandbox/contracts/nothing.openapi.json').expect(404)
  })

  it('when NODE_ENV is production, then accounts and documents are hidden but health and ports answer', async () => {
    const { http } = await startSandbox({ config: { nodeEnv: 'production' } })
    await http.get('/sandbox/accounts').expect(404)
    await http.get('/sandbox/openapi.json').expect(404)
    await http.get('/healthz').expect(200, { status: 'ok' })
    await http.get('/customers/v1/accounts/1000000001').expect(200)
  })
})
