import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import request from 'supertest'
import { UserIdentity } from '../src/auth/user-entity'
import { createLogger } from '../src/platform/logger'
import { createMetrics } from '../src/platform/metrics'
import { UpstreamClient, UpstreamError } from '../src/platform/upstream-client'
import { WorkOrdersHttpAdapter } from '../src/upstream/workorders/workorders-http-adapter'
import type {
  NewWorkOrder,
  WorkOrder,
  WorkOrdersPort,
} from '../src/upstream/workorders/workorders-port'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { phoneJpeg } from './photo-helpers'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A city account (长安区) and another household, both seeded in the sandbox. */
export const CITY = '1000000001'
export const OTHER = '1000000002'

/**
 * The real work-order adapter, except that it can lose the answer of the next report after the
 * work-order system has made the order, as a dropped connection would.
 */
export class AnswerLosingWorkOrders implements WorkOrdersPort {
  loseNextCreate = false

  constructor(private readonly inner: WorkOrdersPort) {}

  async create(order: NewWorkOrder): Promise<WorkOrder> {
    const made = await this.inner.create(order)
    if (!this.loseNextCreate) return made
    this.loseNextCreate = false
    throw new UpstreamError('workorders', 'timeout', 'answer lost on the way back')
  }

  slots = (accountNo: string) => this.inner.slots(accountNo)
  ofAccount = (accountNo: string) => this.inner.ofAccount(accountNo)
  get = (orderId: string) => this.inner.get(orderId)
  urge = (orderId: string, requestId: string) => this.inner.urge(orderId, requestId)
  rate = (orderId: string, rating: { stars: number; comment?: string }) =>
    this.inner.rate(orderId, rating)
  reopen = (orderId: string, req: { requestId: string; reason: string }) =>
    this.inner.reopen(orderId, req)
}

type Http = ReturnType<typeof request>

export interface Resident {
  token: string
  userId: string
}

export interface RepairsWorld {
  core: CoreSandbox
  bff: TestBff
  workorders: AnswerLosingWorkOrders
  api: () => Http
  coreApi: () => Http
  advance(ms: number): Promise<void>
  /** A user bound to the account; with a phone login and/or a WeChat login when asked. */
  resident(accountNo: string, options?: { phone?: string; wechat?: string }): Promise<Resident>
  report(who: Resident, accountNo: string, body: object, key?: string): Promise<request.Response>
  read(who: Resident, accountNo: string, repairNo: string): Promise<request.Response>
  act(
    who: Resident,
    accountNo: string,
    repairNo: string,
    action: 'urge' | 'rating' | 'reopen',
    body?: object,
    key?: string,
  ): Promise<request.Response>
  /** Uploads a photo of the fault for the account; answers its id. */
  photo(who: Resident, accountNo: string): Promise<string>
  /** How many work orders the work-order system holds for the account. */
  ordersOf(accountNo: string): Promise<number>
  close(): Promise<void>
}

/**
 * A core sandbox and a BFF whose clock is the sandbox's, as a BFF and its upstreams share one
 * time: moving the sandbox clock moves both, so 催单 periods and the 7-day reopen window agree.
 */
export async function startRepairsWorld(
  name: string,
  env: Record<string, string> = {},
): Promise<RepairsWorld> {
  const core = await startCoreSandbox(name)
  const clock = core.sandbox.state.clock
  const workorders = new AnswerLosingWorkOrders(
    new WorkOrdersHttpAdapter(
      new UpstreamClient({
        port: 'workorders',
        baseUrl: core.url,
        timeoutMs: 2000,
        logger: createLogger('silent'),
        metrics: createMetrics(),
      }),
    ),
  )
  const bff = await startBff({
    upstreamUrl: core.url,
    now: () => clock.now(),
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), ...env },
    ports: { workorders },
  })
  const api = () => request(bff.url)
  const coreApi = () => request(core.url)
  const bearer = (who: Resident) => `Bearer ${who.token}`
  return {
    core,
    bff,
    workorders,
    api,
    coreApi,
    async advance(ms) {
      await coreApi().post('/sandbox/clock').send({ advanceMs: ms }).expect(200)
    },
    async resident(accountNo, options = {}) {
      let who: Resident
      if (options.wechat) {
        const login = await api()
          .post('/api/v1/auth/wechat')
          .send({ code: `sandbox-${options.wechat}` })
          .expect(201)
        who = { token: login.body.token as string, userId: login.body.user.id as string }
      } else {
        who = await bff.login()
      }
      if (options.phone) {
        await bff.container.db.getRepository(UserIdentity).insert({
          id: randomUUID(),
          userId: who.userId,
          provider: 'phone',
          subject: options.phone,
          createdAt: new Date(),
        })
      }
      await bff.bind(who.userId, accountNo)
      return who
    },
    report(who, accountNo, body, key = `k-${randomUUID()}`) {
      return api()
        .post(`/api/v1/accounts/${accountNo}/repairs`)
        .set('authorization', bearer(who))
        .set('idempotency-key', key)
        .send(body)
    },
    read(who, accountNo, repairNo) {
      return api()
        .get(`/api/v1/accounts/${accountNo}/repairs/${repairNo}`)
        .set('authorization', bearer(who))
    },
    act(who, accountNo, repairNo, action, body = {}, key = `k-${randomUUID()}`) {
      return api()
        .post(`/api/v1/accounts/${accountNo}/repairs/${repairNo}/${action}`)
        .set('authorization', bearer(who))
        .set('idempotency-key', key)
        .send(body)
    },
    async photo(who, accountNo) {
      const res = await api()
        .post(`/api/v1/accounts/${accountNo}/repair-photos`)
        .set('authorization', bearer(who))
        .set('idempotency-key', `photo-${randomUUID()}`)
        .attach('file', await phoneJpeg(), { filename: 'fault.jpg', contentType: 'image/jpeg' })
        .expect(201)
      return res.body.photoId as string
    },
    async ordersOf(accountNo) {
      const res = await coreApi().get(`/workorders/v1/orders?accountNo=${accountNo}`).expect(200)
      return (res.body.orders as unknown[]).length
    },
    async close() {
      await bff.close()
      await core.close()
      const storage = bff.container.config.storage
      if (storage.driver === 'local') fs.rmSync(storage.dir, { recursive: true, force: true })
    },
  }
}
