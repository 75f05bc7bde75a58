import { createHash } from 'node:crypto'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { z } from 'zod'
import {
  isUrgentRepairKind,
  maskAddress,
  maskPhone,
  MAX_REPAIR_PHOTOS,
  RepairKind,
  repairStateLabels,
  type CreateRepairRequest,
  type ErrorCode,
  type RateRepairRequest,
  type ReopenRepairRequest,
  type Repair,
  type RepairOptions,
  type RepairState,
} from '@gh/shared'
import { consumeOrRateLimited } from '../auth/rate-limited'
import { AppError, errors } from '../platform/app-error'
import type { WithLock } from '../platform/redis-lock'
import type { CustomersPort } from '../upstream/customers/customers-port'
import {
  WorkOrderRefused,
  type WorkOrder,
  type WorkOrderRefusal,
  type WorkOrdersPort,
} from '../upstream/workorders/workorders-port'
import type { RepairStore } from './repair-store'
import { stateOf, toRepair } from './repair-view'
import { dayAndTime, kindLabel, shanghai, slotLabel, urgentAdvice } from './repair-words'

/** The photo upload's side of a report: the photos must be the account's and unused. */
export interface RepairPhotoClaims {
  /** Throws unless every id is a photo of the account not used by another report than `ref`. */
  check(accountNo: string, photoIds: readonly string[], ref?: string): Promise<void>
  /** The same check, then marks the photos used by the report `ref` (again for `ref`: no change). */
  claim(accountNo: string, photoIds: readonly string[], ref: string): Promise<void>
  /** Frees the photos the report `ref` claimed. */
  release(ref: string): Promise<void>
}

/** The open repair of an account, as the home page shows it. */
export interface OpenRepair {
  repairNo: string
  kind: RepairKind
  title: string
  urgent: boolean
  state: RepairState
  stateLabel: string
  etaAt: string | null
  updatedAt: string
}

interface RepairServiceDeps {
  workorders: WorkOrdersPort
  customers: CustomersPort
  photos: RepairPhotoClaims
  store: RepairStore
  /** The caller's own mobile number (their phone login), or null. */
  phoneOf: (userId: string) => Promise<string | null>
  /** The service line: dialled to reach a technician without a relay number. */
  hotline: string
  /** Reports per user and per account; a replay the idempotency layer answers does not count. */
  reports: { perUser: RateLimiterAbstract; perAccount: RateLimiterAbstract }
  /** Serialises an account's urgent reports of one kind across instances. */
  urgentLock: WithLock
  now: () => Date
  /** Told once a work order exists (the agent workbench follows its tasks with it). */
  onCreated?: (accountNo: string, repairNo: string) => Promise<void>
}

type CreateInput = z.output<typeof CreateRepairRequest>

/** The same caller, account and key always name the same request upstream. */
function requestIdOf(...parts: string[]): string {
  return `rq-${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 40)}`
}

const refusalCodes: Partial<Record<WorkOrderRefusal, ErrorCode>> = {
  not_found: 'REPAIR_NOT_FOUND',
  slot_unavailable: 'REPAIR_SLOT_UNAVAILABLE',
  closed: 'REPAIR_NOT_OPEN',
  already_rated: 'REPAIR_ALREADY_RATED',
  reopen_window_closed: 'REPAIR_REOPEN_EXPIRED',
  idempotency_mismatch: 'IDEMPOTENCY_KEY_REUSED',
}

/** A refusal of the work-order system as our error; anything else passes unchanged. */
function mapped(err: unknown, overrides: Partial<typeof refusalCodes> = {}): unknown {
  if (!(err instanceof WorkOrderRefused)) return err
  const code = overrides[err.reason] ?? refusalCodes[err.reason]
  return code ? new AppError(code, { message: err.message }) : err
}

/**
 * 报修: reporting a fault and following it. The work-order system holds every repair; this
 * service checks the repair belongs to the account in the path, speaks to the resident in
 * their words and remembers what the app reported so the step job can follow it.
 */
export class RepairService {
  constructor(private readonly deps: RepairServiceDeps) {}

  async options(userId: string, accountNo: string): Promise<RepairOptions> {
    const { customers, workorders, phoneOf, hotline } = this.deps
    const [account, slots, phone] = await Promise.all([
      customers.getAccount(accountNo),
      workorders.slots(accountNo),
      phoneOf(userId),
    ])
    if (!account) throw errors.notFound()
    return {
      kinds: RepairKind.options.map((kind) => ({
        kind,
        label: kindLabel(kind),
        urgent: isUrgentRepairKind(kind),
        advice: urgentAdvice[kind] ?? null,
      })),
      addressMasked: maskAddress(account.address),
      phoneMasked: phone ? maskPhone(phone) : null,
      slots: slots.map((s) => ({
        date: s.date,
        window: s.window,
        label: slotLabel(s.date, s.window),
        available: s.available,
      })),
      maxPhotos: MAX_REPAIR_PHOTOS,
      hotline,
    }
  }

  /**
   * One report per Idempotency-Key: the work order's requestId comes from the caller, account
   * and key, so a retry after a lost answer finds the order the first attempt made.
   */
  async create(
    userId: string,
    accountNo: string,
    body: CreateInput,
    idempotencyKey: string,
  ): Promise<Repair> {
    const { workorders, now, reports, hotline } = this.deps
    const contactPhone = body.phone ?? (await this.deps.phoneOf(userId))
    if (!contactPhone) throw errors.validation('请填写联系电话，方便师傅联系您')
    const reason = `报修次数太多，紧急情况请拨打 ${hotline}`
    await consumeOrRateLimited(reports.perUser, userId, reason, now())
    await consumeOrRateLimited(reports.perAccount, accountNo, reason, now())
    if (!isUrgentRepairKind(body.kind)) {
      return this.made(
        userId,
        await this.order(userId, accountNo, body, idempotencyKey, contactPhone),
      )
    }
    // One open urgent report of a kind is enough: the technician is already on the way. It is
    // also what a retry whose first answer was lost finds.
    return this.deps.urgentLock(`repair-urgent:${accountNo}:${body.kind}`, async () => {
      const open = (await workorders.ofAccount(accountNo)).find(
        (o) => o.kind === body.kind && o.status !== 'resolved',
      )
      return this.made(
        userId,
        open ?? (await this.order(userId, accountNo, body, idempotencyKey, contactPhone)),
      )
    })
  }

  /** Makes the work order of a report, its photos claimed first. */
  private async order(
    userId: string,
    accountNo: string,
    body: CreateInput,
    idempotencyKey: string,
    contactPhone: string,
  ): Promise<WorkOrder> {
    const { workorders, photos } = this.deps
    // The requestId names the report to the photos too: claimed before the order exists, two
    // reports racing for one photo cannot both make one; a retry of the report may claim them
    // again, and a report the work-order system refused (a full slot) frees them.
    const requestId = requestIdOf('create', userId, accountNo, idempotencyKey)
    const withPhotos = body.photoIds.length > 0
    if (withPhotos) await photos.claim(accountNo, body.photoIds, requestId)
    return workorders
      .create({
        requestId,
        accountNo,
        kind: body.kind,
        description: body.description || kindLabel(body.kind),
        photoIds: body.photoIds,
        contactPhone,
        ...(body.slot && !isUrgentRepairKind(body.kind) ? { slot: body.slot } : {}),
      })
      .catch(async (err: unknown) => {
        // A refusal made no order, except a reused key, whose first order keeps its photos.
        const noOrder = err instanceof WorkOrderRefused && err.reason !== 'idempotency_mismatch'
        if (withPhotos && noOrder) await photos.release(requestId)
        throw mapped(err)
      })
  }

  async list(accountNo: string): Promise<{ repairs: Repair[] }> {
    const orders = await this.deps.workorders.ofAccount(accountNo)
    return { repairs: orders.map((o) => this.view(o)) }
  }

  async get(accountNo: string, repairNo: string): Promise<Repair> {
    return this.view(await this.owned(accountNo, repairNo))
  }

  /** 催单. The work-order system decides (and replays a repeat of the same key). */
  async urge(
    userId: string,
    accountNo: string,
    repairNo: string,
    idempotencyKey: string,
  ): Promise<Repair> {
    await this.owned(accountNo, repairNo)
    const requestId = requestIdOf('urge', userId, repairNo, idempotencyKey)
    try {
      return this.view(await this.deps.workorders.urge(repairNo, requestId))
    } catch (err) {
      if (err instanceof WorkOrderRefused && err.reason === 'urge_too_soon') {
        throw await this.tooSoon(accountNo, repairNo)
      }
      throw mapped(err)
    }
  }

  async rate(accountNo: string, repairNo: string, body: RateRepairRequest): Promise<Repair> {
    await this.owned(accountNo, repairNo)
    const order = await this.deps.workorders
      .rate(repairNo, { stars: body.stars, ...(body.comment ? { comment: body.comment } : {}) })
      .catch((err: unknown) => {
        throw mapped(err, { not_resolved: 'REPAIR_NOT_RESOLVED' })
      })
    await this.deps.store.setState(repairNo, stateOf(order), this.deps.now())
    return this.view(order)
  }

  /** The fault is back: within 7 days of 已处理 the repair goes back to dispatch. */
  async reopen(
    userId: string,
    accountNo: string,
    repairNo: string,
    body: ReopenRepairRequest,
    idempotencyKey: string,
  ): Promise<Repair> {
    await this.owned(accountNo, repairNo)
    const requestId = requestIdOf('reopen', userId, repairNo, idempotencyKey)
    const order = await this.deps.workorders
      .reopen(repairNo, { requestId, reason: body.reason })
      .catch((err: unknown) => {
        throw mapped(err, { not_resolved: 'REPAIR_STILL_OPEN' })
      })
    // The step job follows it again from here.
    await this.deps.store.setState(repairNo, stateOf(order), this.deps.now())
    return this.view(order)
  }

  /** The newest repair of the account that is not finished, for the home page; null when none. */
  async openRepairOf(accountNo: string): Promise<OpenRepair | null> {
    const orders = await this.deps.workorders.ofAccount(accountNo)
    const open = orders.find((o) => o.status !== 'resolved')
    if (!open) return null
    const state = stateOf(open)
    const last = open.timeline.at(-1)
    return {
      repairNo: open.orderId,
      kind: open.kind,
      title: kindLabel(open.kind),
      urgent: open.urgent,
      state,
      stateLabel: repairStateLabels[state],
      etaAt: open.etaAt && shanghai(open.etaAt),
      updatedAt: shanghai(last?.at ?? open.createdAt),
    }
  }

  /** Follows the order from now on (an order followed before keeps its row) and answers it. */
  private async made(userId: string, order: WorkOrder): Promise<Repair> {
    const { store, now } = this.deps
    await store.remember(
      {
        repairNo: order.orderId,
        accountNo: order.accountNo,
        userId,
        seenEvents: order.timeline.length,
        state: stateOf(order),
      },
      now(),
    )
    await this.deps.onCreated?.(order.accountNo, order.orderId)
    return this.view(order)
  }

  /** The repair, only when it is the account's: another account's repair is not found. */
  private async owned(accountNo: string, repairNo: string): Promise<WorkOrder> {
    const order = await this.deps.workorders.get(repairNo)
    if (!order || order.accountNo !== accountNo) throw new AppError('REPAIR_NOT_FOUND')
    return order
  }

  private async tooSoon(accountNo: string, repairNo: string): Promise<AppError> {
    const order = await this.owned(accountNo, repairNo)
    const next = order.nextUrgeAt
    if (!next) return new AppError('REPAIR_URGE_TOO_SOON')
    const seconds = Math.ceil((Date.parse(next) - this.deps.now().getTime()) / 1000)
    return new AppError('REPAIR_URGE_TOO_SOON', {
      userMessage: `已经催过单了，${dayAndTime(next)} 后可以再次催单`,
      retryAfterSeconds: Math.max(1, seconds),
    })
  }

  private view(order: WorkOrder): Repair {
    return toRepair(order, { now: this.deps.now(), hotline: this.deps.hotline })
  }
}
