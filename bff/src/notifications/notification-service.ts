import { NOTIFICATION_GROUP_OF } from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import type { Logger } from '../platform/logger'
import type { EventStore } from './event-store'
import type { InboxStore } from './inbox-store'
import { composeMessage } from './message-composer'
import {
  eventRef,
  ignoresSwitches,
  reachesUnbound,
  type NotificationEvent,
  type NotificationPublisher,
} from './notification-event'
import { wants, type SettingsStore } from './settings-store'

/** Queues one delivery per (event, recipient); idempotent per pair. */
export interface DeliveryQueue {
  enqueue(dedupeKey: string, userId: string): Promise<void>
}

interface ServiceDeps {
  events: EventStore
  inbox: InboxStore
  settings: SettingsStore
  bindings: BindingRepository
  deliveries: DeliveryQueue
  logger: Logger
  now: () => Date
}

/**
 * The one way anything tells a resident something. `publish` records the event once by its
 * dedupe key, finds who wants it (the users bound to the account, or the event's named
 * recipients, each by their settings for that account), puts it in the inbox of those bound to
 * the account, and queues one delivery per recipient. The inbox never waits for WeChat, Alipay
 * or the SMS gateway.
 */
export class NotificationService implements NotificationPublisher {
  constructor(private readonly deps: ServiceDeps) {}

  async publish(event: NotificationEvent): Promise<void> {
    const { deps } = this
    const now = deps.now()
    if (!(await deps.events.record(event, now))) return
    const bound = new Set(
      (await deps.bindings.listForAccount(event.accountNo)).map((b) => b.userId),
    )
    const candidates = [...new Set(event.recipients ?? bound)].filter(
      (userId) => bound.has(userId) || reachesUnbound(event),
    )
    const settings = await deps.settings.getMany(candidates, event.accountNo)
    const group = NOTIFICATION_GROUP_OF[event.type]
    let recipients = 0
    for (const userId of candidates) {
      const mine = settings.get(userId)
      if (!mine || (!ignoresSwitches(event) && !wants(mine, group))) continue
      // A payer through a share card is not bound: an inbox entry would show them the whole
      // account number, so they get the subscription message (account masked) only.
      if (bound.has(userId)) {
        const message = composeMessage(event, { bound: true }, now)
        await deps.inbox.add({
          userId,
          dedupeKey: event.dedupeKey,
          accountNo: event.accountNo,
          type: event.type,
          title: message.title,
          body: message.body,
          page: message.page,
          createdAt: now,
        })
      }
      await deps.deliveries.enqueue(event.dedupeKey, userId)
      recipients += 1
    }
    await deps.events.fannedOut(event.dedupeKey, now)
    deps.logger.info(
      { event: eventRef(event.dedupeKey), type: event.type, recipients },
      'published',
    )
  }
}
