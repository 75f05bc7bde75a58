import type { BindingRepository } from '../accounts/binding-repository'
import type { Logger } from '../platform/logger'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { Audience } from './audience'
import type { NotificationPublisher } from './notification-event'
import type { SettingsStore } from './settings-store'

/**
 * Polls the balance of every followed IoT prepaid account and tells each resident once when it
 * falls below the threshold they set for it. The alarm re-arms when the balance is back at or
 * above the threshold, so the next fall is told again; a poll that sees it still low says
 * nothing.
 */
export class BalanceWatch {
  constructor(
    private readonly deps: {
      audience: Audience
      bills: BillingReads
      bindings: BindingRepository
      settings: SettingsStore
      publisher: NotificationPublisher
      logger: Logger
      now: () => Date
    },
  ) {}

  async poll(): Promise<void> {
    for (const account of await this.deps.audience.accounts()) {
      if (account.kind !== 'iot_prepaid') continue
      await this.check(account.accountNo).catch((err: unknown) =>
        this.deps.logger.warn({ err }, 'balance check failed'),
      )
    }
  }

  async check(accountNo: string): Promise<void> {
    const { deps } = this
    const summary = await deps.bills.summary(accountNo)
    const balanceFen = summary?.balanceFen
    if (balanceFen === null || balanceFen === undefined) return
    const users = (await deps.bindings.listForAccount(accountNo)).map((b) => b.userId)
    const settings = await deps.settings.getMany(users, accountNo)
    for (const userId of users) {
      const balance = settings.get(userId)?.groups.balance
      if (!balance?.enabled) continue
      if (balanceFen >= balance.thresholdFen) {
        await deps.settings.rearm(userId, accountNo)
        continue
      }
      const alarm = await deps.settings.alarm(userId, accountNo, deps.now())
      if (alarm.below) continue
      const crossing = alarm.crossings + 1
      // Published before the alarm is set: a check cut short in between publishes again, and
      // the crossing's dedupe key drops the repeat.
      await deps.publisher.publish({
        type: 'low_balance',
        accountNo,
        dedupeKey: `low_balance:${accountNo}:${userId}:${crossing}`,
        data: { balanceFen, thresholdFen: balance.thresholdFen },
        recipients: [userId],
      })
      await deps.settings.markBelow(userId, accountNo, crossing)
    }
  }
}
