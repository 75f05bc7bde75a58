import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { NotificationPublisher } from '../notifications/notification-event'
import { slotLabel } from '../repairs/repair-words'
import type { InspectionsPort } from '../upstream/workorders/inspections-port'
import { inspectionKindLabels } from './inspection-service'
import { dueItems } from './self-check-rules'
import type { SafetyStore } from './safety-store'

export interface SafetyReminderDeps {
  store: SafetyStore
  inspections: InspectionsPort
  publisher: NotificationPublisher
  logger: Logger
  now: () => Date
}

const DAY_MS = 86_400_000
const dayOf = (at: Date): string => toShanghaiIso(at).slice(0, 10)

/**
 * Finds the safety reminders that are due and sends each once: a hose, alarm or water heater
 * of a checked home that has reached its service life (one reminder per crossing: a new hose
 * with a new date crosses again), and a booked inspection the day before its visit. Each is
 * published before it is recorded; a run cut short in between publishes again and the event's
 * dedupe key drops the repeat. One account the work-order system cannot answer is skipped.
 */
export class SafetyReminders {
  constructor(private readonly deps: SafetyReminderDeps) {}

  async run(): Promise<{ sent: number }> {
    const now = this.deps.now()
    const sent = (await this.serviceLives(now)) + (await this.visitsTomorrow(now))
    return { sent }
  }

  private async serviceLives(now: Date): Promise<number> {
    const { store, inspections } = this.deps
    const today = dayOf(now)
    let sent = 0
    for (const accountNo of await store.checkedAccounts()) {
      const saved = await store.selfCheck(accountNo)
      const home = await inspections.of(accountNo).catch((err: unknown) => {
        this.deps.logger.warn({ err }, 'inspections unavailable for a service-life check')
        return null
      })
      if (!saved || !home) continue
      for (const due of dueItems(saved.answers, home.appliances)) {
        if (due.dueOn > today) continue
        const key = `service_life:${accountNo}:${due.item}:${due.dueOn}`
        const fresh = await this.once(key, accountNo, 'service_life', now, () =>
          this.deps.publisher.publish({
            type: 'service_life_due',
            accountNo,
            dedupeKey: key,
            data: { label: due.label, dueOn: due.dueOn, lifeLabel: due.lifeLabel },
          }),
        )
        if (fresh) sent += 1
      }
    }
    return sent
  }

  private async visitsTomorrow(now: Date): Promise<number> {
    const { store, inspections } = this.deps
    const tomorrow = dayOf(new Date(now.getTime() + DAY_MS))
    let sent = 0
    for (const visit of await store.bookedOn(tomorrow)) {
      const home = await inspections.of(visit.accountNo).catch(() => null)
      const record = home?.inspections.find((i) => i.inspectionId === visit.inspectionId)
      if (!record) continue
      // Moved or cancelled at the hotline since it was booked here: follow the system.
      if (record.status !== 'booked' || record.slot?.date !== tomorrow || !record.from) {
        await store.putVisit(
          { ...visit, state: record.status, slotDate: record.slot?.date ?? null },
          now,
        )
        continue
      }
      const { slot, from } = record
      const key = `inspection_tomorrow:${visit.inspectionId}:${slot.date}:${slot.window}`
      const fresh = await this.once(key, visit.accountNo, 'inspection_tomorrow', now, () =>
        this.deps.publisher.publish({
          type: 'inspection_tomorrow',
          accountNo: visit.accountNo,
          dedupeKey: key,
          data: {
            inspectionId: visit.inspectionId,
            kindLabel: inspectionKindLabels[record.kind],
            slotLabel: slotLabel(slot.date, slot.window),
            from,
          },
        }),
      )
      if (fresh) sent += 1
    }
    return sent
  }

  private async once(
    key: string,
    accountNo: string,
    kind: string,
    now: Date,
    publish: () => Promise<void>,
  ): Promise<boolean> {
    if (await this.deps.store.reminded(key)) return false
    await publish()
    await this.deps.store.recordReminder(key, accountNo, kind, now)
    return true
  }
}
