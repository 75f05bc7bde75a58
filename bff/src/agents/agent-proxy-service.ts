import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { z } from 'zod'
import {
  PROXY_CODE_MAX_TRIES,
  PROXY_CODE_TTL_MINUTES,
  agentRoleLabels,
  decidePayment,
  isUrgentRepairKind,
  maskName,
  proxyRequestKindLabels,
  proxyRequestStatusLabels,
  type AgentBookingOptions,
  type AgentProxyRequest,
  type AgentRole,
  type ConfirmedProxyRequest,
  type CreateProxyRequest,
  type CreatedProxyRequest,
  type InspectionSlot,
  type Inspections,
  type InspectionVisit,
  type PayableAccount,
  type PaymentChannel,
  type PaymentOrder,
  type PaymentPurpose,
  type ProxyRequestKind,
  type ProxyRequestStatus,
  type Repair,
  type RepairKind,
  type RepairOptions,
  type RepairSlotWindow,
  type ResidentProxyRequest,
} from '@gh/shared'
import { rateLimited } from '../auth/rate-limited'
import { AppError, errors } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import type { CustomersPort } from '../upstream/customers/customers-port'
import { toShanghaiIso } from '../platform/time'
import type { Acting, AgentService } from './agent-service'
import type { ProxyCodeAttempts } from './agent-proxy-attempts'
import type { AgentProxyStore, StoredProxyRequest } from './agent-proxy-store'
import type { AgentStore } from './agent-store'

/** A 代办 task is followed as long as an ordinary one: the payment may come hours later. */
const TASK_TTL_MS = 24 * 3600_000

const PAYMENT_PURPOSE: Partial<Record<ProxyRequestKind, PaymentPurpose>> = {
  pay_bill: 'bill',
  top_up: 'recharge',
}

/** What confirming a payment uses: the resident's own order, as the payment routes make it. */
export interface ProxyPayments {
  facts(accountNo: string): Promise<PayableAccount | null>
  create(cmd: {
    userId: string
    accountNo: string
    purpose: PaymentPurpose
    amountFen: number
    channel: PaymentChannel
    idempotencyKey: string
  }): Promise<PaymentOrder>
}

/** What confirming a booking uses: the resident's own report, as the repair routes make it. */
export interface ProxyRepairs {
  create(
    userId: string,
    accountNo: string,
    body: {
      kind: RepairKind
      description: string
      photoIds: string[]
      slot?: { date: string; window: RepairSlotWindow }
      phone?: string
    },
    idempotencyKey: string,
  ): Promise<Repair>
  /** The report form's kinds and slots (the caller's phone is not used here). */
  options(userId: string, accountNo: string): Promise<RepairOptions>
}

/** What confirming an inspection booking uses: the resident's 入户安检, as its page books it. */
export interface ProxyInspections {
  get(accountNo: string): Promise<Inspections>
  book(accountNo: string, slot: InspectionSlot, idempotencyKey: string): Promise<InspectionVisit>
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

type CreateInput = z.output<typeof CreateProxyRequest>

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
    return { request: this.agentView(stored), code }
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
    return { items: rows.map((r) => this.agentView(r)) }
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
    return { request: this.agentView(stored), code }
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

  private agentView(row: StoredProxyRequest): AgentProxyRequest {
    const status = statusOf(row, this.deps.now())
    return {
      id: row.id,
      taskId: row.taskId,
      accountNo: row.accountNo,
      kind: row.kind,
      kindLabel: proxyRequestKindLabels[row.kind],
      amountFen: row.amountFen === null ? null : Number(row.amountFen),
      repairKind: row.repairKind,
      slot: slotOf(row),
      description: row.description,
      status,
      statusLabel: proxyRequestStatusLabels[status],
      createdAt: toShanghaiIso(new Date(row.createdAt)),
      expiresAt: toShanghaiIso(new Date(row.expiresAt)),
      confirmedAt: row.confirmedAt ? toShanghaiIso(new Date(row.confirmedAt)) : null,
      orderNo: row.orderNo,
      repairNo: row.kind === 'book_inspection' ? null : row.repairNo,
      inspectionId: row.kind === 'book_inspection' ? row.repairNo : null,
    }
  }
}

/** Six digits, every value equally likely (a CSPRNG, no modulo bias). */
function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

function codeExpiry(from: Date): Date {
  return new Date(from.getTime() + PROXY_CODE_TTL_MINUTES * 60_000)
}

function statusOf(row: StoredProxyRequest, now: Date): ProxyRequestStatus {
  if (row.status !== 'pending') return row.status
  return Date.parse(row.expiresAt) <= now.getTime() ? 'expired' : 'pending'
}

function refuseUnlessPending(row: StoredProxyRequest, now: Date): void {
  const status = statusOf(row, now)
  if (status === 'confirmed') {
    throw new AppError('PROXY_REQUEST_USED', { message: 'proxy request already confirmed' })
  }
  if (status === 'locked') throw new AppError('PROXY_CODE_LOCKED', { message: 'proxy code locked' })
  if (status === 'expired') {
    throw new AppError('PROXY_CODE_EXPIRED', { message: 'proxy code expired' })
  }
}

function bookingOf(req: CreateInput): {
  repairKind: RepairKind | null
  description: string
  slot: { date: string; window: RepairSlotWindow } | undefined
} | null {
  if (req.kind === 'book_inspection') {
    return { repairKind: null, description: req.description, slot: req.slot }
  }
  if (req.kind !== 'report_fault') return null
  const urgent = isUrgentRepairKind(req.repairKind)
  if (urgent && req.slot) throw errors.validation('紧急报修会尽快派人上门，不需要预约时间')
  if (!urgent && !req.description) throw errors.validation('请描述一下故障情况')
  if (!urgent && !req.slot) throw errors.validation('请选择上门时间')
  return { repairKind: req.repairKind, description: req.description, slot: req.slot }
}

function sameRequest(row: StoredProxyRequest, req: CreateInput): boolean {
  if (row.accountNo !== req.accountNo || row.kind !== req.kind) return false
  const amount = row.amountFen === null ? null : Number(row.amountFen)
  switch (req.kind) {
    case 'pay_bill':
      // Left out, the amount was what the account owed when the request was made.
      return req.amountFen === undefined || req.amountFen === amount
    case 'top_up':
      return req.amountFen === amount
    case 'report_fault':
    case 'book_inspection': {
      const slot = slotOf(row)
      return (
        (req.kind === 'book_inspection' || req.repairKind === row.repairKind) &&
        (row.description ?? '') === req.description &&
        (slot?.date ?? null) === (req.slot?.date ?? null) &&
        (slot?.window ?? null) === (req.slot?.window ?? null)
      )
    }
  }
}

function slotOf(row: StoredProxyRequest): { date: string; window: RepairSlotWindow } | null {
  return row.slotDate && row.slotWindow ? { date: row.slotDate, window: row.slotWindow } : null
}

function bookingBody(row: StoredProxyRequest): Parameters<ProxyRepairs['create']>[2] {
  const slot = slotOf(row)
  return {
    kind: row.repairKind ?? 'other',
    description: row.description ?? '',
    photoIds: [],
    ...(slot ? { slot } : {}),
  }
}

/** The audit's detail: what and how much, never the code. */
function detailOf(
  kind: ProxyRequestKind,
  amountFen: number | null,
  slot: { date: string; window: RepairSlotWindow } | undefined,
): string {
  if (amountFen !== null) return `${kind}:${amountFen}分`
  return slot ? `${kind}:${slot.date}${slot.window}` : kind
}

/** 客服 张** — the role, and the name masked (a work number is shown as it is on the badge). */
export function proxyAgentName(displayName: string, role: AgentRole): string {
  const label = agentRoleLabels[role]
  const rest = displayName.startsWith(label) ? displayName.slice(label.length).trim() : displayName
  const shown = /^[A-Za-z0-9]+$/.test(rest) ? rest : maskName(rest)
  return `${label} ${shown}`
}

function residentView(row: StoredProxyRequest): ResidentProxyRequest {
  const agentName = proxyAgentName(row.agentName, row.agentRole as AgentRole)
  return {
    id: row.id,
    accountNo: row.accountNo,
    kind: row.kind,
    kindLabel: proxyRequestKindLabels[row.kind],
    amountFen: row.amountFen === null ? null : Number(row.amountFen),
    repairKind: row.repairKind,
    slot: slotOf(row),
    description: row.description,
    sentByLabel: `${agentName} 为您发起`,
    agentName,
    expiresAt: toShanghaiIso(new Date(row.expiresAt)),
    triesLeft: Math.max(0, PROXY_CODE_MAX_TRIES - Number(row.tries)),
  }
}
