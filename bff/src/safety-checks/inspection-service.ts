import { createHash } from 'node:crypto'
import type {
  ErrorCode,
  InspectionAction,
  Inspections,
  InspectionSlot,
  InspectionVisit,
} from '@gh/shared'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import { slotLabel } from '../repairs/repair-words'
import {
  InspectionRefused,
  type InspectionRecord,
  type InspectionRefusal,
  type InspectionsPort,
} from '../upstream/workorders/inspections-port'
import type { WorkOrdersPort } from '../upstream/workorders/workorders-port'
import type { SafetyStore } from './safety-store'

const REFUSALS: Record<InspectionRefusal, ErrorCode> = {
  not_found: 'INSPECTION_NOT_FOUND',
  slot_unavailable: 'INSPECTION_SLOT_UNAVAILABLE',
  already_booked: 'INSPECTION_ALREADY_BOOKED',
  closed: 'INSPECTION_CLOSED',
  not_gas: 'INSPECTION_NOT_AVAILABLE',
  idempotency_mismatch: 'IDEMPOTENCY_KEY_REUSED',
}

export const inspectionKindLabels = { routine: '定期安检', re_inspection: '复检' } as const

const STATE_LABELS: Record<InspectionRecord['status'], string> = {
  booked: '已预约',
  passed: '合格',
  failed: '不合格',
  cancelled: '已取消',
}

/** The same account and key always name the same request upstream. */
function requestIdOf(accountNo: string, key: string, what: string): string {
  const digest = createHash('sha256').update(`${accountNo}|${key}|${what}`).digest('hex')
  return `in-${digest.slice(0, 40)}`
}

function refused(err: unknown): unknown {
  return err instanceof InspectionRefused
    ? new AppError(REFUSALS[err.reason], { message: err.message })
    : err
}

function dayLabel(iso: string): string {
  const local = toShanghaiIso(new Date(iso))
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日`
}

export function visitOf(r: InspectionRecord): InspectionVisit {
  const when =
    r.completedAt && r.status !== 'booked'
      ? dayLabel(r.completedAt)
      : r.slot
        ? slotLabel(r.slot.date, r.slot.window)
        : ''
  return {
    inspectionId: r.inspectionId,
    kind: r.kind,
    kindLabel: inspectionKindLabels[r.kind],
    state: r.status,
    stateLabel: STATE_LABELS[r.status],
    slot: r.slot,
    whenLabel: when,
    completedAt: r.completedAt && toShanghaiIso(new Date(r.completedAt)),
    findings: r.findings.map((f) => ({
      ...f,
      severityLabel: f.severity === 'hazard' ? '隐患' : '建议',
    })),
    supplyRestored: r.supplyRestored,
  }
}

export interface InspectionDeps {
  store: SafetyStore
  inspections: InspectionsPort
  workorders: WorkOrdersPort
  /** Gas came back: what screens cached of the account (status, valve) is stale. */
  supplyRestored: (accountNo: string) => Promise<void>
  /** An inspection was booked in the app (a task sent to the resident may be done by it). */
  onBooked?: (accountNo: string, inspectionId: string) => Promise<void>
  now: () => Date
}

/**
 * 入户安检: the last inspection and what it found, the booked next one and the slots it can
 * take. The work-order system decides; this service remembers the visits booked in the app
 * (for the day-before reminder) and notices when a passed 复检 turned the gas back on.
 */
export class InspectionService {
  constructor(private readonly deps: InspectionDeps) {}

  async get(accountNo: string): Promise<Inspections> {
    const [home, slots] = await Promise.all([
      this.deps.inspections.of(accountNo),
      this.deps.workorders.slots(accountNo),
    ])
    await this.follow(accountNo, home.inspections)
    const last = home.inspections.find((i) => i.status === 'passed' || i.status === 'failed')
    const next = home.inspections.find((i) => i.status === 'booked')
    const supply = home.supplySuspended ? 'suspended' : last?.supplyRestored ? 'restored' : 'normal'
    return {
      supply,
      last: last ? visitOf(last) : null,
      next: next ? visitOf(next) : null,
      nextKind: last?.status === 'failed' ? 're_inspection' : 'routine',
      slots: slots.map((s) => ({
        date: s.date,
        window: s.window,
        label: slotLabel(s.date, s.window),
        available: s.available,
      })),
    }
  }

  async change(accountNo: string, action: InspectionAction, key: string): Promise<Inspections> {
    const { inspections } = this.deps
    const requestId = requestIdOf(accountNo, key, action.action)
    try {
      if (action.action === 'book') {
        const booked = await inspections.book({ requestId, accountNo, slot: action.slot })
        await this.remember(accountNo, booked)
        await this.deps.onBooked?.(accountNo, booked.inspectionId)
      } else {
        await this.assertOwn(accountNo, action.inspectionId)
        const changed =
          action.action === 'reschedule'
            ? await inspections.reschedule(action.inspectionId, { requestId, slot: action.slot })
            : await inspections.cancel(action.inspectionId, requestId)
        await this.remember(accountNo, changed)
      }
    } catch (err) {
      throw refused(err)
    }
    return this.get(accountNo)
  }

  /** Books the next inspection in a slot and answers that visit (a 代办 confirmed by the resident). */
  async book(accountNo: string, slot: InspectionSlot, key: string): Promise<InspectionVisit> {
    const page = await this.change(accountNo, { action: 'book', slot }, key)
    if (!page.next) throw new AppError('INTERNAL', { message: 'booked inspection not listed' })
    return page.next
  }

  /** An inspection of another account is, to this caller, one that does not exist. */
  private async assertOwn(accountNo: string, inspectionId: string): Promise<void> {
    const home = await this.deps.inspections.of(accountNo)
    if (!home.inspections.some((i) => i.inspectionId === inspectionId)) {
      throw new InspectionRefused('not_found')
    }
  }

  private remember(accountNo: string, r: InspectionRecord): Promise<void> {
    const visit = { inspectionId: r.inspectionId, accountNo, slotDate: r.slot?.date ?? null }
    return this.deps.store.putVisit({ ...visit, state: r.status }, this.deps.now())
  }

  /** Visits booked in the app that the system has since done or cancelled. */
  private async follow(accountNo: string, records: readonly InspectionRecord[]): Promise<void> {
    for (const r of records) {
      const known = await this.deps.store.visit(r.inspectionId)
      if (!known || (known.state === r.status && known.slotDate === (r.slot?.date ?? null))) {
        continue
      }
      await this.remember(accountNo, r)
      if (r.supplyRestored) await this.deps.supplyRestored(accountNo)
    }
  }
}
