import request from 'supertest'
import { idemKey } from './auth-fakes'
import type { TestBff } from './harness'
import {
  eventually,
  openWorld,
  pay,
  testPayments,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * A task followed from real events, against the core sandbox (its clock pinned by the harness):
 * the resident opens the agent's link, then tops up and pays at the sandbox cashier; the credit
 * completes the task.
 */
let world: SandboxWorld
let bff: TestBff
let agentToken: string

const IOT = '1000000001'
const as = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  world = await openWorld(testPayments)
  bff = await world.startInstance()
  await bff.container.agents.service.createAgent({
    loginName: 'kf01',
    displayName: '客服 0231',
    role: 'csr',
    team: '客服中心',
    areas: [],
    password: 'kf01-test-Passw0rd',
  })
  const session = await request(bff.url)
    .post('/api/v1/agent/session')
    .send({ loginName: 'kf01', password: 'kf01-test-Passw0rd' })
    .expect(201)
  agentToken = session.body.token as string
}, 60_000)
afterAll(async () => {
  await world?.close()
})

async function taskStatus(taskId: string): Promise<string | undefined> {
  const res = await request(bff.url).get('/api/v1/agent/tasks?status=all').set(as(agentToken))
  const items = res.body.items as { taskId: string; status: string }[]
  return items.find((t) => t.taskId === taskId)?.status
}

test('when the resident opens a top-up task and the payment is credited, then the task goes sent → opened → done', async () => {
  const sent = await request(bff.url)
    .post('/api/v1/agent/tasks')
    .set(as(agentToken))
    .set('idempotency-key', idemKey())
    .send({ accountNo: IOT, kind: 'top_up' })
  expect(sent.status).toBe(201)
  expect(await taskStatus(sent.body.taskId)).toBe('sent')

  const { token } = await bff.login()
  const link = new URL(sent.body.miniProgramPath, 'https://x').searchParams.get('agentLink')
  await request(bff.url)
    .post(`/api/v1/agent-links/${link}/redeem`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send({})
    .expect(201)
  expect(await taskStatus(sent.body.taskId)).toBe('opened')

  const order = await request(bff.url)
    .post(`/api/v1/accounts/${IOT}/recharges`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send({ amountFen: 5000, channel: 'h5' })
  expect(order.status).toBe(201)
  await pay(world, order.body.orderNo as string)
  await eventually(async () => {
    expect(await taskStatus(sent.body.taskId)).toBe('done')
  }, 20_000)
  const open = await request(bff.url).get('/api/v1/agent/tasks?status=open').set(as(agentToken))
  expect(open.body.items).not.toContainEqual(expect.objectContaining({ taskId: sent.body.taskId }))
})
