import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import {
  PROXY_CODE_MAX_TRIES,
  decidePayment,
  type AgentBookingOptions,
  type AgentProxyRequest,
  type ConfirmedProxyRequest,
  type CreatedProxyRequest,
  type InspectionSlot,
  type InspectionVisit,
  type PaymentChannel,
  type PaymentOrder,
  type Repair,
  type PaymentPurpose,
  type ProxyRequestKind,
  type ResidentProxyRequest,
} from '@gh/shared'
import { rateLimited } from '../auth/rate-limited'
import { AppError, errors } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { Acting, AgentService } from './agent-service'
import type { ProxyCodeAttempts } from './agent-proxy-attempts'
import type { AgentProxyStore, StoredProxyRequest } from './agent-proxy-store'
import {
  bookingBody,
  bookingOf,
  codeExpiry,
  detailOf,
  newCode,
  refuseUnlessPending,
  sameRequest,
  type CreateInput,
} from './agent-proxy-rules'
import { agentView, residentView, slotOf } from './agent-proxy-view'
import type { ProxyInspections, ProxyPayments, ProxyRepairs } from './agent-proxy-ports'
import type { AgentStore } from './agent-store'

/** A 代办 task is followed as long as an ordinary one: the payment may come hours later. */
const TASK_TTL_MS = 24 * 3600_000

const PAYMENT_PURPOSE: Partial<Record<ProxyRequestKind, PaymentPurpose>> = {
  pay_bill: 'bill',
  top_up: 'recharge',
}

export interface AgentProxyDeps {
  agents: AgentService
  store: AgentStore
  proxies: AgentProxyStore
  payments: ProxyPayments
  repairs: ProxyRepairs
  inspections: ProxyInspections
  /** The resident's verified phone, if they logged in with one. */
  phoneOf: (userId: string) => Promise<string | null>
  customers: CustomersPort
  /** Wrong codes across requests, per resident, account and IP. */
  attempts: Pick<ProxyCodeAttempts, 'begin'>
  /** Keys the codes' HMAC: a leaked table alone does not give the codes away. */
  secret: string
  now: () => Date
}

const notFound = () =>
  new AppError('PROXY_REQUEST_NOT_FOUND', {
    message: 'proxy request unknown or of another account',
  })

/**
 * 代办: an agent starts a payment or booking, the resident confirms it with the code the agent
 * read to them. The agent never pays: a payment becomes the resident's own order, paid with
 * their own WeChat Pay or Alipay; a booking becomes the resident's own report.
 */
export class AgentProxyService {
  constructor(private readonly deps: AgentProxyDeps) {}

  async create(
    acting: Acting,
    req: CreateInput,
    idempotencyKey: string | undefined,
  ): Promise<CreatedProxyRequest> {
    const { agents, store, proxies, now } = this.deps
    if (!idempotencyKey) throw errors.idempotencyKeyRequired()
    const agent = await store.byId(acting.agentId)
    if (!agent) throw new AppError('SESSION_EXPIRED', { message: 'agent gone' })
    await agents.assertInScope(agent.id, req.accountNo, acting)

    const repeat = await proxies.byKey(agent.id, idempotencyKey)
    if (repeat) return this.repeated(acting, repeat, req)

    const amountFen = await this.amountOf(req)
    const booking = bookingOf(req)
    if (req.kind === 'book_inspection') await this.assertInspectionSlot(req.accountNo, req.slot)
    const id = randomUUID()
    const taskId = randomUUID()
    const code = newCode()
    const createdAt = now()
    const added = await proxies.add(
      {
        id,
        agentId: agent.id,
        taskId,
        accountNo: req.accountNo,
        kind: req.kind,
        amountFen,
        repairKind: booking?.repairKind ?? null,
        slotDate: booking?.slot?.date ?? null,
        slotWindow: booking?.slot?.window ?? null,
        description: booking?.description ?? null,
        codeHash: this.hash(id, code),
        idempotencyKey,
      },
      createdAt,
      codeExpiry(createdAt),
    )
    // Two requests with one key raced: the other one made it, this one never existed.
    if (!added) {
      const first = await proxies.byKey(agent.id, idempotencyKey)
      if (!first) throw new AppError('IDEMPOTENCY_CONFLICT')
      return this.repeated(acting, first, req)
    }
    await store.addTask(
      { id: taskId, agentId: agent.id, accountNo: req.accountNo, kind: req.kind, target: id },
      createdAt,
      new Date(createdAt.getTime() + TASK_TTL_MS),
    )
    await store.audit(
      {
        agentId: agent.id,
        loginName: agent.loginName,
        action: 'create_proxy_request',
        accountNo: req.accountNo,
        detail: detailOf(req.kind, amountFen, booking?.slot),
        requestId: acting.requestId,
      },
      createdAt,
    )
    const stored = await proxies.get(id)
    if (!stored) throw new AppError('INTERNAL', { message: 'proxy request not stored' })
    return { request: agentView(stored, this.deps.now()), code }
  }

  /** The console's booking forms: fault kinds, repair slots and inspection slots. */
  async bookingOptions(acting: Acting, accountNo: string): Promise<AgentBookingOptions> {
    await this.deps.agents.assertInScope(acting.agentId, accountNo, acting)
    const [repair, inspections] = await Promise.all([
      this.deps.repairs.options(acting.agentId, accountNo),
      this.deps.inspections.get(accountNo),
    ])
    return {
      kinds: repair.kinds,
      repairSlots: repair.slots,
      inspectionSlots: inspections.slots,
    }
  }

  /** An inspection is booked only in a slot of the inspection list that is still open. */
  private async assertInspectionSlot(accountNo: string, slot: InspectionSlot): Promise<void> {
    const { slots } = await this.deps.inspections.get(accountNo)
    const offered = slots.find((s) => s.date === slot.date && s.window === slot.window)
    if (!offered?.available) {
      throw new AppError('INSPECTION_SLOT_UNAVAILABLE', {
        message: 'proxy inspection slot not offered',
      })
    }
  }

  async ofAgent(agentId: string, pendingOnly: boolean): Promise<{ items: AgentProxyRequest[] }> {
    const rows = await this.deps.proxies.ofAgent(agentId, pendingOnly, this.deps.now())
    return { items: rows.map((r) => agentView(r, this.deps.now())) }
  }

  /** The account's requests waiting for the resident; the binding guard has checked the caller. */
  async pending(accountNo: string): Promise<{ items: ResidentProxyRequest[] }> {
    const rows = await this.deps.proxies.pendingFor(accountNo, this.deps.now())
    return { items: rows.map(residentView) }
  }

  async confirm(
    userId: string,
    accountNo: string,
    id: string,
    body: { code: string; channel?: PaymentChannel | undefined },
    ip: string,
    log: Logger,
  ): Promise<ConfirmedProxyRequest> {
    const attempt = await this.deps.attempts.begin(userId, accountNo, ip)
    if (!attempt.allowed) {
      log.warn({ retryAfterSeconds: attempt.retryAfterSeconds }, 'proxy code attempts locked out')
      throw rateLimited('验证码尝试次数过多', attempt.retryAfterSeconds, this.deps.now())
    }
    // Only a code compared and found wrong keeps its count.
    const tried = { wrong: false }
    try {
      return await this.confirmCounted(userId, accountNo, id, body, log, tried)
    } finally {
      if (!tried.wrong) {
        await attempt.giveBack().catch((err: unknown) => {
          log.warn({ err }, 'proxy code attempt not given back')
        })
      }
    }
  }

  private async confirmCounted(
    userId: string,
    accountNo: string,
    id: string,
    body: { code: string; channel?: PaymentChannel | undefined },
    log: Logger,
    tried: { wrong: boolean },
  ): Promise<ConfirmedProxyRequest> {
    const { proxies, store, now } = this.deps
    const row = await proxies.get(id)
    // Another account's request answers as an unknown one: its existence is not told.
    if (!row || row.accountNo !== accountNo) throw notFound()
    refuseUnlessPending(row, now())
    const purpose = PAYMENT_PURPOSE[row.kind]
    if (purpose && !body.channel) throw errors.validation('请选择支付方式')
    if (!this.matches(row, body.code)) {
      tried.wrong = true
      const tries = await proxies.wrongCode(row.id, PROXY_CODE_MAX_TRIES)
      if (tries === null) refuseUnlessPending((await proxies.get(id)) ?? row, now())
      const left = PROXY_CODE_MAX_TRIES - (tries ?? PROXY_CODE_MAX_TRIES)
      if (left <= 0) throw new AppError('PROXY_CODE_LOCKED', { message: 'proxy code locked' })
      throw new AppError('PROXY_CODE_WRONG', {
        message: 'proxy code wrong',
        userMessage: `验证码不正确，还可以再试${left}次`,
      })
    }
    if (!(await proxies.claim(row.id, userId, now(), row.codeHash))) {
      const fresh = (await proxies.get(id)) ?? row
      refuseUnlessPending(fresh, now())
      // Still waiting, with another code: the agent reissued it while this one was checked.
      if (fresh.codeHash !== row.codeHash) {
        throw new AppError('PROXY_CODE_EXPIRED', { message: 'proxy code reissued meanwhile' })
      }
      throw new AppError('PROXY_REQUEST_USED', { message: 'proxy request claimed meanwhile' })
    }
    // The resident's own order or report, keyed by the request: a retry finds the same one.
    const key = `proxy-${row.id}`
    let order: PaymentOrder | null = null
    let repair: Repair | null = null
    let inspection: InspectionVisit | null = null
    try {
      if (row.kind === 'book_inspection') {
        const slot = slotOf(row)
        if (!slot) throw new AppError('INTERNAL', { message: 'proxy inspection without a slot' })
        inspection = await this.deps.inspections.book(accountNo, slot, key)
      } else if (purpose && body.channel) {
        order = await this.deps.payments.create({
          userId,
          accountNo,
          purpose,
          amountFen: row.amountFen ?? 0,
          channel: body.channel,
          idempotencyKey: key,
        })
      } else {
        // The technician calls the resident's own number, or else the holder's, whom the agent
        // just spoke to: a resident who logged in with WeChat alone has given us none.
        const phone =
          (await this.deps.phoneOf(userId)) ??
          (await this.deps.customers.getAccount(accountNo))?.phone
        repair = await this.deps.repairs.create(
          userId,
          accountNo,
          { ...bookingBody(row), ...(phone ? { phone } : {}) },
          key,
        )
      }
    } catch (err) {
      // Nothing was made: the request waits again, and the same code may be tried once more.
      await proxies.release(row.id)
      throw err
    }
    // A booked inspection is kept in the booking's column: one request is one or the other.
    const bookedNo = repair?.repairNo ?? inspection?.inspectionId
    await proxies.settle(row.id, {
      ...(order ? { orderNo: order.orderNo } : {}),
      ...(bookedNo ? { repairNo: bookedNo } : {}),
    })
    // Tracking never undoes what the resident just confirmed. The work order or the inspection
    // was made before the request named it, so its event is told again now.
    await store
      .markOpened(row.taskId, now())
      .then(async () => {
        if (repair) await store.markDone(accountNo, 'repair', repair.repairNo, now())
        if (inspection) {
          await store.markDone(accountNo, 'inspection', inspection.inspectionId, now())
        }
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'proxy task not tracked')
      })
    log.info({ proxyRequest: row.id, kind: row.kind }, 'proxy request confirmed')
    return { id: row.id, kind: row.kind, order, repair, inspection }
  }

  /** A repeat of the agent's key: the same request, with a new code while it waits. */
  private async repeated(
    acting: Acting,
    row: StoredProxyRequest,
    req: CreateInput,
  ): Promise<CreatedProxyRequest> {
    // A key reused for another amount or slot would hand out a code for what the agent did not
    // mean: the request stands as it was made, so a changed one is refused.
    if (!sameRequest(row, req)) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    refuseUnlessPending(row, this.deps.now())
    const code = newCode()
    const at = this.deps.now()
    if (!(await this.deps.proxies.reissue(row.id, this.hash(row.id, code), at, codeExpiry(at)))) {
      throw new AppError('PROXY_REQUEST_USED', { message: 'proxy request no longer pending' })
    }
    const agent = await this.deps.store.byId(acting.agentId)
    if (agent) {
      await this.deps.store.audit(
        {
          agentId: agent.id,
          loginName: agent.loginName,
          action: 'reissue_proxy_code',
          accountNo: row.accountNo,
          detail: row.kind,
          requestId: acting.requestId,
        },
        at,
      )
    }
    const stored = (await this.deps.proxies.get(row.id)) ?? row
    return { request: agentView(stored, this.deps.now()), code }
  }

  /** What the payment will be for: a bill's amount defaults to what the account owes. */
  private async amountOf(req: CreateInput): Promise<number | null> {
    const purpose = PAYMENT_PURPOSE[req.kind]
    if (!purpose) return null
    const account = await this.deps.payments.facts(req.accountNo)
    if (!account) throw errors.notFound()
    const given = req.kind === 'pay_bill' || req.kind === 'top_up' ? req.amountFen : undefined
    const amountFen = given ?? (purpose === 'bill' ? account.owedFen : 0)
    if (purpose === 'bill' && account.owedFen <= 0) {
      throw new AppError('PROXY_NOTHING_DUE', { message: 'nothing owed' })
    }
    // The same rules the resident's own order meets, told to the agent now, not on the phone.
    const decision = decidePayment(account, purpose, amountFen, 0)
    if (!decision.allowed) {
      throw new AppError('PAYMENT_REFUSED', {
        message: `proxy payment refused: ${decision.refusal}`,
        userMessage: decision.message,
      })
    }
    return amountFen
  }

  private hash(id: string, code: string): string {
    return createHmac('sha256', this.deps.secret).update(`proxy-code:${id}:${code}`).digest('hex')
  }

  private matches(row: StoredProxyRequest, code: string): boolean {
    const expected = Buffer.from(row.codeHash, 'hex')
    const given = Buffer.from(this.hash(row.id, code), 'hex')
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
}
