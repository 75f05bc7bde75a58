import Router from '@koa/router'
import type { CustomerAccount } from '../../../contracts/customers'
import {
  BookInspectionRequest,
  CancelInspectionRequest,
  InspectionPathParams,
  InspectionsQuery,
  RescheduleInspectionRequest,
  type Appliance,
  type Inspection,
} from '../../../contracts/workorders-inspections'
import type { PreferredSlot } from '../../../contracts/workorders'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import type { AccountDirectory } from '../customers/directory'
import { assertHeaderKey, idempotencyMismatch } from '../meters/idempotency'
import { accountRandom, usageProfile } from '../meters/usage'
import { InspectionVerdict } from './dev-schemas'
import type { SlotBook } from './slots'

type Finding = Inspection['findings'][number]
type Kind = Inspection['kind']

interface InspectionRecord {
  readonly inspectionId: string
  readonly accountNo: string
  readonly kind: Kind
  status: Inspection['status']
  slot: PreferredSlot | null
  fromMs: number | null
  toMs: number | null
  completedAtMs: number | null
  findings: Finding[]
  supplyRestored: boolean
  /** Write requestIds already applied, with what they carried. */
  readonly applied: Map<string, string>
}

const DAY_MS = 86_400_000

/** What the inspectors found at 1000000006 (安检不合格已停气). */
const SUSPENDED_FINDINGS: Finding[] = [
  {
    item: '软管',
    severity: 'hazard',
    note: '橡胶软管老化开裂，已超过使用年限，需更换为金属波纹管',
  },
  { item: '热水器烟道', severity: 'hazard', note: '燃气热水器烟道脱落，废气排入室内' },
  { item: '燃气报警器', severity: 'advice', note: '厨房未安装燃气泄漏报警器，建议加装' },
]

/** Advice an inspector leaves at a home that passed. */
const ADVICE: Finding[] = [
  { item: '燃气报警器', severity: 'advice', note: '厨房未安装燃气泄漏报警器，建议加装' },
  { item: '软管', severity: 'advice', note: '软管使用已满一年，建议明年安检前更换' },
  { item: '通风', severity: 'advice', note: '用气时请保持厨房通风' },
]

const STOVES = ['华帝 嵌入式双眼灶 JZT-B8', '方太 嵌入式燃气灶 JZT-TH29B', '老板 燃气灶 JZT-30B3']
const HEATERS = ['万和 强排式燃气热水器 JSQ24-12ET', 'A.O.史密斯 燃气热水器 JSQ26-TD']
const BOILERS = ['威能 燃气壁挂炉 L1PB26', '林内 燃气壁挂炉 RBS-24SV']

const dayOf = (ms: number) => toShanghaiIso(ms).slice(0, 10)

/**
 * 入户安检 at the work-order desk. Each gas account has the appliances the inspectors recorded
 * and one inspection done before the sandbox started (seeded from the start of its clock); the
 * resident books the next one in the repairs' half-day slots. A booked visit whose window has
 * passed on the sandbox clock is done and passed; `complete` (a dev endpoint) decides one
 * earlier, pass or fail. A passed inspection of a suspended account turns its gas back on.
 */
export class InspectionDesk {
  private readonly byAccount = new Map<string, InspectionRecord[]>()
  private readonly byId = new Map<string, InspectionRecord>()
  private readonly byRequest = new Map<string, InspectionRecord>()
  private readonly anchorMs: number
  private sequence = 0

  constructor(
    private readonly clock: SandboxClock,
    private readonly directory: AccountDirectory,
    private readonly slots: SlotBook,
    private readonly seed: number,
  ) {
    // Seeded visits were made on the hour, as an inspector's log reads.
    this.anchorMs = Math.floor(clock.nowMs() / 3_600_000) * 3_600_000
  }

  list(accountNo: string) {
    const account = this.account(accountNo)
    const records = this.recordsOf(account)
    return {
      accountNo,
      supplySuspended: this.directory.isSuspended(account),
      appliances: this.appliancesOf(account),
      inspections: [...records].reverse().map((r) => this.view(r)),
    }
  }

  book(request: BookInspectionRequest): { inspection: Inspection; created: boolean } {
    const replay = this.replayed(request.requestId, JSON.stringify(request))
    if (replay) return { inspection: this.view(replay), created: false }
    const account = this.account(request.accountNo)
    if (account.kind === 'heating') {
      throw new SandboxError(422, 'NOT_A_GAS_ACCOUNT', '供热户没有燃气入户安检')
    }
    const records = this.recordsOf(account)
    if (records.some((r) => r.status === 'booked')) {
      throw new SandboxError(409, 'INSPECTION_ALREADY_BOOKED', '已有预约的安检')
    }
    const last = records.at(-1)
    const record = this.create(
      account.accountNo,
      last?.status === 'failed' ? 're_inspection' : 'routine',
    )
    this.take(record, account, request.slot)
    records.push(record)
    record.applied.set(request.requestId, JSON.stringify(request))
    this.byRequest.set(request.requestId, record)
    return { inspection: this.view(record), created: true }
  }

  reschedule(inspectionId: string, request: RescheduleInspectionRequest): Inspection {
    const record = this.find(inspectionId)
    if (this.applied(record, request.requestId, JSON.stringify(request))) return this.view(record)
    this.assertBooked(record)
    const account = this.account(record.accountNo)
    const old = record.slot
    this.take(record, account, request.slot)
    if (old) this.slots.release(account.address.district, old)
    record.applied.set(request.requestId, JSON.stringify(request))
    return this.view(record)
  }

  cancel(inspectionId: string, requestId: string): Inspection {
    const record = this.find(inspectionId)
    if (this.applied(record, requestId, 'cancel')) return this.view(record)
    this.assertBooked(record)
    if (record.slot)
      this.slots.release(this.account(record.accountNo).address.district, record.slot)
    record.status = 'cancelled'
    record.applied.set(requestId, 'cancel')
    return this.view(record)
  }

  /** The inspector's verdict on a booked visit, before its window ends (developer endpoint). */
  complete(inspectionId: string, result: 'pass' | 'fail', findings: Finding[]): Inspection {
    const record = this.find(inspectionId)
    this.assertBooked(record)
    this.finish(record, result, findings, this.clock.nowMs())
    return this.view(record)
  }

  private find(inspectionId: string): InspectionRecord {
    const record = this.byId.get(inspectionId)
    if (!record) throw new SandboxError(404, 'INSPECTION_NOT_FOUND', '安检单不存在')
    this.settle(record)
    return record
  }

  private assertBooked(record: InspectionRecord): void {
    if (record.status !== 'booked') {
      throw new SandboxError(409, 'INSPECTION_CLOSED', '该安检已完成或已取消')
    }
  }

  private replayed(requestId: string, body: string): InspectionRecord | undefined {
    const record = this.byRequest.get(requestId)
    if (!record) return undefined
    if (record.applied.get(requestId) !== body) throw idempotencyMismatch()
    return record
  }

  private applied(record: InspectionRecord, requestId: string, body: string): boolean {
    const seen = record.applied.get(requestId)
    if (seen === undefined) return false
    if (seen !== body) throw idempotencyMismatch()
    return true
  }

  private take(record: InspectionRecord, account: CustomerAccount, slot: PreferredSlot): void {
    const offer = this.slots.find(account.address.district, this.clock.nowMs(), slot)
    if (!offer) throw new SandboxError(409, 'SLOT_UNAVAILABLE', '该时段已约满')
    this.slots.book(account.address.district, slot)
    record.slot = { date: slot.date, window: slot.window }
    record.fromMs = offer.fromMs
    record.toMs = offer.toMs
  }

  private finish(
    record: InspectionRecord,
    result: 'pass' | 'fail',
    findings: Finding[],
    at: number,
  ) {
    record.status = result === 'pass' ? 'passed' : 'failed'
    record.completedAtMs = at
    record.findings = findings
    const account = this.account(record.accountNo)
    if (result === 'pass' && this.directory.isSuspended(account)) {
      this.directory.restoreSupply(record.accountNo)
      record.supplyRestored = true
    }
  }

  /** A booked visit whose window has passed was made, and the home passed. */
  private settle(record: InspectionRecord): void {
    if (record.status === 'booked' && record.toMs !== null && record.toMs <= this.clock.nowMs()) {
      this.finish(record, 'pass', [], record.toMs)
    }
  }

  private recordsOf(account: CustomerAccount): InspectionRecord[] {
    let records = this.byAccount.get(account.accountNo)
    if (!records) {
      records = account.kind === 'heating' ? [] : [this.seeded(account)]
      this.byAccount.set(account.accountNo, records)
    }
    records.forEach((r) => this.settle(r))
    return records
  }

  private seeded(account: CustomerAccount): InspectionRecord {
    const random = accountRandom(this.seed, account.accountNo, 'inspection')
    const suspended = account.status === 'suspended'
    const record = this.create(account.accountNo, 'routine')
    const doneMs = this.anchorMs - (suspended ? 20 : random.int(60, 600)) * DAY_MS
    record.status = suspended ? 'failed' : 'passed'
    record.completedAtMs = doneMs
    record.findings = suspended
      ? SUSPENDED_FINDINGS.map((f) => ({ ...f }))
      : random.chance(0.4)
        ? [{ ...random.pick(ADVICE) }]
        : []
    return record
  }

  private appliancesOf(account: CustomerAccount) {
    if (account.kind === 'heating') return []
    const random = accountRandom(this.seed, account.accountNo, 'appliances')
    const household = usageProfile(this.seed, account).household
    const opened = Date.parse(account.openedAt)
    const installed = (minYears: number, maxYears: number) => {
      const ms = this.anchorMs - random.int(minYears * 365, maxYears * 365) * DAY_MS
      return dayOf(Math.max(ms, opened))
    }
    const appliances: Appliance[] = [
      {
        applianceId: `${account.accountNo}-1`,
        kind: 'stove',
        model: random.pick(STOVES),
        installedOn: installed(1, 9),
      },
    ]
    if (household !== 'cooking') {
      const boiler = household === 'wall_boiler'
      appliances.push({
        applianceId: `${account.accountNo}-2`,
        kind: boiler ? 'wall_boiler' : 'water_heater',
        model: random.pick(boiler ? BOILERS : HEATERS),
        // The suspended persona's heater is the old one whose flue came off.
        installedOn: account.status === 'suspended' ? installed(9, 10) : installed(1, 10),
      })
    }
    return appliances
  }

  private create(accountNo: string, kind: Kind): InspectionRecord {
    const now = this.clock.nowMs()
    this.sequence += 1
    const inspectionId = `IN${String(now % 10 ** 9).padStart(9, '0')}${String(this.sequence % 10_000).padStart(4, '0')}`
    const record: InspectionRecord = {
      inspectionId,
      accountNo,
      kind,
      status: 'booked',
      slot: null,
      fromMs: null,
      toMs: null,
      completedAtMs: null,
      findings: [],
      supplyRestored: false,
      applied: new Map(),
    }
    this.byId.set(inspectionId, record)
    return record
  }

  private account(accountNo: string): CustomerAccount {
    const account = this.directory.get(accountNo)
    if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
    return account
  }

  view(record: InspectionRecord): Inspection {
    const iso = (ms: number | null) => (ms === null ? null : toShanghaiIso(ms))
    return {
      inspectionId: record.inspectionId,
      accountNo: record.accountNo,
      kind: record.kind,
      status: record.status,
      slot: record.slot,
      from: iso(record.fromMs),
      to: iso(record.toMs),
      completedAt: iso(record.completedAtMs),
      findings: record.findings,
      supplyRestored: record.supplyRestored,
    }
  }
}

/** The inspection routes of the work-order system, and the inspector's dev endpoint. */
export function inspectionsRouter(desk: InspectionDesk, devEndpoints: boolean): Router {
  const router = new Router()

  router.get('/workorders/v1/inspections', (ctx) => {
    const { accountNo } = parseOr400(InspectionsQuery, ctx.query)
    ctx.body = desk.list(accountNo)
  })

  router.post('/workorders/v1/inspections', (ctx) => {
    const request = parseOr400(BookInspectionRequest, ctx.request.body)
    assertHeaderKey(ctx, request.requestId)
    const { inspection, created } = desk.book(request)
    ctx.status = created ? 201 : 200
    ctx.body = inspection
  })

  router.post('/workorders/v1/inspections/:inspectionId/reschedule', (ctx) => {
    const { inspectionId } = parseOr400(InspectionPathParams, ctx.params)
    const request = parseOr400(RescheduleInspectionRequest, ctx.request.body)
    assertHeaderKey(ctx, request.requestId)
    ctx.body = desk.reschedule(inspectionId, request)
  })

  router.post('/workorders/v1/inspections/:inspectionId/cancel', (ctx) => {
    const { inspectionId } = parseOr400(InspectionPathParams, ctx.params)
    const { requestId } = parseOr400(CancelInspectionRequest, ctx.request.body)
    assertHeaderKey(ctx, requestId)
    ctx.body = desk.cancel(inspectionId, requestId)
  })

  if (devEndpoints) {
    router.post('/sandbox/workorders/inspections/:inspectionId/complete', (ctx) => {
      const { inspectionId } = parseOr400(InspectionPathParams, ctx.params)
      const { result, findings } = parseOr400(InspectionVerdict, ctx.request.body)
      ctx.body = desk.complete(inspectionId, result, findings)
    })
  }

  return router
}
