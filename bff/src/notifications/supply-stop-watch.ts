import { createHash } from 'node:crypto'
import type { AccountKind, SupplyNotice } from '@gh/shared'
import type { DataSource } from 'typeorm'
import type { BindingRepository } from '../accounts/binding-repository'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import type { Logger } from '../platform/logger'
import type { ContentPort } from '../upstream/content/content-port'
import type { AccountFacts, Audience } from './audience'
import type { NotificationPublisher, SupplyStopFacts } from './notification-event'
import { wants, type SettingsStore } from './settings-store'

interface Seen {
  version: string
  ended: boolean
}

/** The last version of each notice seen (supply_notices_seen). */
class NoticesSeen {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  async get(noticeId: string): Promise<Seen | null> {
    const [row] = await this.sql.rows<{ version: string; ended: boolean | number }>(
      'SELECT version, ended FROM supply_notices_seen WHERE notice_id = $1',
      [noticeId],
    )
    return row ? { version: row.version, ended: Boolean(row.ended) } : null
  }

  async put(notice: SupplyNotice, seen: Seen, now: Date): Promise<void> {
    await this.sql.rows(
      `INSERT INTO supply_notices_seen (notice_id, area_code, version, ended, updated_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (notice_id) DO UPDATE SET version = $3, ended = $4, updated_at = $5`,
      [notice.noticeId, notice.areaCode, seen.version, seen.ended, now],
    )
  }
}

/** What residents are told about a notice: a change to any of it is a change worth telling. */
function versionOf(n: SupplyNotice): string {
  const told = [n.kind, n.startsAt, n.endsAt, n.reason, n.scope, n.title].join('\n')
  return createHash('sha1').update(told).digest('hex').slice(0, 20)
}

const GAS_KINDS: readonly AccountKind[] = ['iot_prepaid', 'ic_prepaid', 'postpaid_gas']

function concerns(notice: SupplyNotice, account: AccountFacts): boolean {
  return notice.kind === 'gas' ? GAS_KINDS.includes(account.kind) : account.kind === 'heating'
}

type Step = 'supply_stop_announced' | 'supply_stop_changed' | 'supply_stop_ended'

interface WatchDeps {
  db: DataSource
  audience: Audience
  content: ContentPort
  bindings: BindingRepository
  settings: SettingsStore
  publisher: NotificationPublisher
  logger: Logger
  now: () => Date
}

/**
 * Polls the content system's supply-stop notices (停气/停暖) of every area where someone follows
 * an account, and publishes each notice's announcement, each change and its end once. The
 * event is published before the notice's new version is stored: a poll cut short in between
 * publishes again, and the dedupe key drops the repeat.
 */
export class SupplyStopWatch {
  private readonly seen: NoticesSeen

  constructor(private readonly deps: WatchDeps) {
    this.seen = new NoticesSeen(deps.db)
  }

  async poll(): Promise<void> {
    const byArea = new Map<string, AccountFacts[]>()
    for (const account of await this.deps.audience.accounts()) {
      byArea.set(account.areaCode, [...(byArea.get(account.areaCode) ?? []), account])
    }
    for (const [areaCode, accounts] of byArea) {
      let notices: SupplyNotice[]
      try {
        notices = await this.deps.content.listNotices(areaCode)
      } catch (err) {
        this.deps.logger.warn({ areaCode, err }, 'supply-stop notices unavailable')
        continue
      }
      for (const notice of notices) {
        await this.observe(
          notice,
          accounts.filter((a) => concerns(notice, a)),
        )
      }
    }
  }

  private async observe(notice: SupplyNotice, accounts: AccountFacts[]): Promise<void> {
    const seen = await this.seen.get(notice.noticeId)
    const version = versionOf(notice)
    const ended = notice.status === 'ended'
    let step: Step | null
    if (!seen) step = ended ? null : 'supply_stop_announced'
    else if (!seen.ended && ended) step = 'supply_stop_ended'
    else if (!seen.ended && seen.version !== version) step = 'supply_stop_changed'
    else return
    if (step) await this.publish(step, notice, version, accounts)
    await this.seen.put(notice, { version, ended }, this.deps.now())
  }

  /**
   * One event per account, each to that account's users who want supply-stop news; a user
   * following two accounts of the area hears of the notice once, through the first.
   */
  private async publish(
    step: Step,
    notice: SupplyNotice,
    version: string,
    accounts: AccountFacts[],
  ): Promise<void> {
    const data: SupplyStopFacts = {
      noticeId: notice.noticeId,
      kind: notice.kind,
      reason: notice.reason,
      scope: notice.scope,
      startsAt: notice.startsAt,
      endsAt: notice.endsAt,
    }
    const told = new Set<string>()
    for (const { accountNo } of accounts) {
      const users = (await this.deps.bindings.listForAccount(accountNo)).map((b) => b.userId)
      const settings = await this.deps.settings.getMany(users, accountNo)
      const recipients = users.filter((userId) => {
        const mine = settings.get(userId)
        return !told.has(userId) && mine !== undefined && wants(mine, 'supply_stops')
      })
      if (recipients.length === 0) continue
      recipients.forEach((userId) => told.add(userId))
      const suffix = step === 'supply_stop_changed' ? `:${version}` : ''
      await this.deps.publisher.publish({
        type: step,
        accountNo,
        dedupeKey: `${step}:${notice.noticeId}${suffix}:${accountNo}`,
        data,
        recipients,
      })
    }
  }
}
