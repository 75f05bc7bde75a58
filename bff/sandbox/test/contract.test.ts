import { UpstreamError } from '../../contracts/common'
import { CustomerAccount, VerifyHolderResponse, customersContract } from '../../contracts/customers'
import type { Contract } from '../../contracts/openapi'
import { workordersContract } from '../../contracts/workorders'
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

interface Answer {
  readonly status: number
  readonly body: unknown
}

/**
 * The answer is one the contract's operation declares: its status is listed and its body
 * conforms to the schema given for that status.
 */
function expectDeclared(contract: Contract, operationId: string, answer: Answer): void {
  const operation = contract.operations.find((op) => op.operationId === operationId)
  if (!operation) throw new Error(`${contract.port} has no operation ${operationId}`)
  expect(Object.keys(operation.responses)).toContain(String(answer.status))
  const schema = operation.responses[answer.status]?.schema
  if (!schema) return
  // INVALID_ARGUMENT bodies add the offending fields as `details`, which the error shape allows.
  if (answer.status === 400) expect(schema.safeParse(answer.body).success).toBe(true)
  else expectConforms(schema, answer.body)
}

const application = {
  requestId: 'contract-bz-0001',
  applicantName: '李红',
  phone: '13800000123',
  district: '长安区',
  addressDetail: '建设北大街136号3-1-502',
  documentRefs: [{ kind: 'id_card', ref: 'doc-000001' }],
  fromAccountNo: null,
}

describe('sandbox answers conform to the 报装, 通气点火 and 一键求助 contracts', () => {
  it('when an application goes from 报装 to a booked and done 通气点火, then every answer is declared by its operation', async () => {
    const { http } = await startSandbox()
    const customers = (id: string, answer: Answer) => expectDeclared(customersContract, id, answer)
    const workorders = (id: string, answer: Answer) =>
      expectDeclared(workordersContract, id, answer)

    const created = await http.post('/customers/v1/connections').send(application).expect(201)
    customers('createConnection', created)
    customers(
      'createConnection',
      await http.post('/customers/v1/connections').send(application).expect(200),
    )
    const mismatch = await http
      .post('/customers/v1/connections')
      .send({ ...application, applicantName: '王刚' })
      .expect(409)
    customers('createConnection', mismatch)
    expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH')
    const unserved = await http
      .post('/customers/v1/connections')
      .send({ ...application, requestId: 'contract-bz-0002', district: '海淀区' })
      .expect(400)
    customers('createConnection', unserved)
    expect(unserved.body.code).toBe('DISTRICT_NOT_SERVED')

    const { applicationId } = created.body as { applicationId: string }
    const path = `/customers/v1/connections/${applicationId}`
    customers('getConnection', await http.get(path).expect(200))
    const unknown = await http.get('/customers/v1/connections/BZ0000000000').expect(404)
    customers('getConnection', unknown)
    customers('getConnection', await http.get('/customers/v1/connections/42').expect(400))

    await http.post(`/sandbox/connections/${applicationId}/advance`).expect(200)
    const installed = await http.post(`/sandbox/connections/${applicationId}/advance`).expect(200)
    const { accountNo } = installed.body as { accountNo: string }
    const ignition = `/workorders/v1/ignition/${accountNo}`

    const open = await http.get(ignition).expect(200)
    workorders('getIgnition', open)
    const notNew = await http.get('/workorders/v1/ignition/1000000001').expect(404)
    workorders('getIgnition', notNew)
    expect(notNew.body.code).toBe('NO_CONNECTION')
    workorders('getIgnition', await http.get('/workorders/v1/ignition/42').expect(400))

    const full = await http.post(`${ignition}/booking`).send({ slotId: 'no-such-slot' })
    expect(full.status).toBe(409)
    workorders('bookIgnition', full)
    const [slot] = (open.body as { slots: { slotId: string }[] }).slots
    const booked = await http.post(`${ignition}/booking`).send({ slotId: slot?.slotId }).expect(200)
    workorders('bookIgnition', booked)
    await http.post(`/sandbox/ignition/${accountNo}/complete`).send({}).expect(200)
    workorders('getIgnition', await http.get(ignition).expect(200))
    const done = await http.post(`${ignition}/booking`).send({ slotId: slot?.slotId }).expect(409)
    workorders('bookIgnition', done)
    expect(done.body.code).toBe('IGNITION_DONE')
  })

  it('when a help alert is sent, repeated and read, then every answer is declared by its operation', async () => {
    const { http } = await startSandbox()
    const check = (id: string, answer: Answer) => expectDeclared(workordersContract, id, answer)
    const alert = {
      requestId: 'contract-help-0001',
      accountNo: '1000000001',
      kind: 'gas_smell',
      address: '河北省石家庄市长安区建设北大街136号',
      areaCode: '13010201',
      location: { latitude: 38.05, longitude: 114.52 },
      raisedAt: '2026-01-15T10:00:00+08:00',
    }
    const sent = await http.post('/workorders/v1/help-alerts').send(alert).expect(201)
    check('sendHelpAlert', sent)
    check('sendHelpAlert', await http.post('/workorders/v1/help-alerts').send(alert).expect(200))
    check(
      'sendHelpAlert',
      await http
        .post('/workorders/v1/help-alerts')
        .send({ ...alert, kind: 'help' })
        .expect(409),
    )
    check(
      'sendHelpAlert',
      await http.post('/workorders/v1/help-alerts').send({ kind: 'help' }).expect(400),
    )

    const { deskRef } = sent.body as { deskRef: string }
    check('getHelpAlert', await http.get(`/workorders/v1/help-alerts/${deskRef}`).expect(200))
    check('getHelpAlert', await http.get('/workorders/v1/help-alerts/HD000000000000').expect(404))
    check('getHelpAlert', await http.get('/workorders/v1/help-alerts/nothing').expect(400))
  })

  it('when the customers and work-order ports are faulted, then the new routes answer a declared 503', async () => {
    const { http } = await startSandbox()
    await http.post('/sandbox/faults').send({ port: 'customers', errorRate: 1 })
    await http.post('/sandbox/faults').send({ port: 'workorders', errorRate: 1 })
    expectDeclared(
      customersContract,
      'createConnection',
      await http.post('/customers/v1/connections').send(application).expect(503),
    )
    expectDeclared(
      workordersContract,
      'getIgnition',
      await http.get('/workorders/v1/ignition/1000000050').expect(503),
    )
    expectDeclared(
      workordersContract,
      'getHelpAlert',
      await http.get('/workorders/v1/help-alerts/HD000000000000').expect(503),
    )
  })
})
