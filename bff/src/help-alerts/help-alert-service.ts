import { randomBytes } from 'node:crypto'
import { In, IsNull, type DataSource, type Repository } from 'typeorm'
import {
  HELP_ALERT_KIND_LABELS,
  maskPhone,
  type FuzzyLocation,
  type HelpAlert,
  type HelpAlertKind,
  type HelpAlerts,
  type HelpSettings,
} from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import type { UserRepository } from '../auth/user-repository'
import type { NotificationPublisher } from '../notifications/notification-event'
import { AppError } from '../platform/app-error'
import { isUniqueViolation } from '../platform/db/unique-violation'
import type { Logger } from '../platform/logger'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { HelpDeskPort } from '../upstream/workorders/workorders-service-port'
import { HelpAlertRecipientRow, HelpAlertRow, HelpSettingsRow } from './help-alert-entities'
import { alertView } from './help-alert-view'

export interface HelpAlertDeps {
  db: DataSource
  /** Uncached: the address and the living-alone mark as the CIS has them now. */
  customers: CustomersPort
  desk: HelpDeskPort
  bindings: BindingRepository
  users: UserRepository
  notices: NotificationPublisher
  logger: Logger
  now: () => Date
}

/** Unacknowledged alerts younger than this are checked with the desk when the list is read. */
const DESK_CHECK_MS = 24 * 60 * 60 * 1000
const LIST_LIMIT = 20

/**
 * 一键求助: the settings per account, sending an alert (recorded first, then handed to the
 * area's service desk and to each family member once), and its acknowledgement by a person:
 * a family member here, or someone at the desk, which is learnt when the list is read.
 */
export class HelpAlertService {
  private readonly settings: Repository<HelpSettingsRow>
  private readonly alerts: Repository<HelpAlertRow>
  private readonly recipients: Repository<HelpAlertRecipientRow>

  constructor(private readonly deps: HelpAlertDeps) {
    this.settings = deps.db.getRepository(HelpSettingsRow)
    this.alerts = deps.db.getRepository(HelpAlertRow)
    this.recipients = deps.db.getRepository(HelpAlertRecipientRow)
  }

  async list(userId: string, accountNo: string): Promise<HelpAlerts> {
    const settings = await this.settingsOf(userId, accountNo)
    const rows = await this.alerts.find({
      where: { accountNo },
      order: { createdAt: 'DESC' },
      take: LIST_LIMIT,
    })
    for (const row of rows) await this.checkDesk(row)
    return { settings, alerts: await this.present(userId, rows) }
  }

  async updateSettings(
    userId: string,
    accountNo: string,
    update: { enabled: boolean; shareLocation: boolean },
  ): Promise<HelpSettings> {
    await this.settings.upsert(
      { accountNo, ...update, updatedBy: userId, updatedAt: this.deps.now() },
      ['accountNo'],
    )
    return this.settingsOf(userId, accountNo)
  }

  async send(input: {
    userId: string
    accountNo: string
    idempotencyKey: string
    kind: HelpAlertKind
    location: FuzzyLocation | null
  }): Promise<HelpAlert> {
    const { userId, accountNo, idempotencyKey } = input
    const earlier = await this.alerts.findOneBy({ userId, idempotencyKey })
    if (earlier) return this.deliver(userId, earlier)
    const settings = await this.settingsOf(userId, accountNo)
    if (!settings.enabled) throw new AppError('HELP_ALERTS_OFF')
    const location =
      settings.shareLocation && input.location
        ? `${input.location.latitude.toFixed(3)},${input.location.longitude.toFixed(3)}`
        : null
    const row: HelpAlertRow = {
      alertId: `HA${randomBytes(12).toString('base64url')}`,
      accountNo,
      userId,
      idempotencyKey,
      kind: input.kind,
      location,
      deskRef: null,
      deskLabel: null,
      deskReachedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      createdAt: this.deps.now(),
    }
    try {
      await this.alerts.insert(row)
    } catch (err) {
      const winner = isUniqueViolation(err)
        ? await this.alerts.findOneBy({ userId, idempotencyKey })
        : null
      if (!winner) throw err
      return this.deliver(userId, winner)
    }
    return this.deliver(userId, row)
  }

  async acknowledge(userId: string, accountNo: string, alertId: string): Promise<HelpAlert> {
    const row = await this.alerts.findOneBy({ alertId, accountNo })
    if (!row) throw new AppError('HELP_ALERT_NOT_FOUND')
    if (row.userId === userId) throw new AppError('HELP_ALERT_OWN')
    if (!row.acknowledgedAt) {
      const by = `家人 ${await this.display(userId)}`
      // Only the first person to confirm is recorded, whoever wins a race.
      await this.alerts.update(
        { alertId, acknowledgedAt: IsNull() },
        { acknowledgedBy: by, acknowledgedAt: this.deps.now() },
      )
    }
    const fresh = await this.alerts.findOneByOrFail({ alertId })
    const [view] = await this.present(userId, [fresh])
    if (!view) throw new AppError('HELP_ALERT_NOT_FOUND')
    return view
  }

  /**
   * Hands the alert to whoever has not had it yet: the desk (idempotent by the alert id), then
   * each family member bound now, recorded once each before one notification event names them.
   * A retried press resumes here, so a failure half-way sends nothing twice.
   */
  private async deliver(userId: string, row: HelpAlertRow): Promise<HelpAlert> {
    const { deps } = this
    const account = await deps.customers.getAccount(row.accountNo)
    if (!account) throw new AppError('NOT_FOUND')
    if (!row.deskRef) {
      try {
        const [latitude, longitude] = row.location?.split(',').map(Number) ?? []
        const taken = await deps.desk.send({
          requestId: row.alertId,
          accountNo: row.accountNo,
          kind: row.kind,
          address: account.address,
          areaCode: account.areaCode,
          location:
            latitude !== undefined && longitude !== undefined ? { latitude, longitude } : null,
          raisedAt: row.createdAt.toISOString(),
        })
        row.deskRef = taken.deskRef
        row.deskLabel = taken.desk.slice(0, 40)
        row.deskReachedAt = new Date(taken.receivedAt)
        await this.alerts.update(
          { alertId: row.alertId },
          { deskRef: row.deskRef, deskLabel: row.deskLabel, deskReachedAt: row.deskReachedAt },
        )
      } catch (err) {
        // The family still hears of it; the desk is tried again on the next press or read.
        deps.logger.error({ err, alertId: row.alertId }, 'help desk not reached')
      }
    }
    const family = (await deps.bindings.listForAccount(row.accountNo))
      .map((b) => b.userId)
      .filter((id) => id !== row.userId)
    const already = new Set(
      (await this.recipients.findBy({ alertId: row.alertId })).map((r) => r.userId),
    )
    for (const memberId of new Set(family)) {
      if (!already.has(memberId)) {
        try {
          await this.recipients.insert({
            alertId: row.alertId,
            userId: memberId,
            label: `家人 ${await this.display(memberId)}`,
            reachedAt: deps.now(),
          })
        } catch (err) {
          if (!isUniqueViolation(err)) throw err
        }
      }
      // One event per member: the notification service sends each once, however often a
      // retried press publishes it.
      await deps.notices.publish({
        type: 'help_alert',
        accountNo: row.accountNo,
        dedupeKey: `help_alert:${row.alertId}:${memberId}`,
        recipients: [memberId],
        data: {
          alertId: row.alertId,
          kindLabel: HELP_ALERT_KIND_LABELS[row.kind],
          address: account.address,
          at: row.createdAt.toISOString(),
        },
      })
    }
    const [view] = await this.present(userId, [row])
    if (!view) throw new AppError('HELP_ALERT_NOT_FOUND')
    return view
  }

  /** Learns from the desk whether someone there confirmed the alert. */
  private async checkDesk(row: HelpAlertRow): Promise<void> {
    if (row.acknowledgedAt || !row.deskRef) return
    if (this.deps.now().getTime() - row.createdAt.getTime() > DESK_CHECK_MS) return
    try {
      const desk = await this.deps.desk.find(row.deskRef)
      if (!desk.acknowledgedAt) return
      const by = `${desk.desk} ${desk.acknowledgedBy ?? '值班员'}`.slice(0, 60)
      const at = new Date(desk.acknowledgedAt)
      await this.alerts.update(
        { alertId: row.alertId, acknowledgedAt: IsNull() },
        { acknowledgedBy: by, acknowledgedAt: at },
      )
      row.acknowledgedBy = by
      row.acknowledgedAt = at
    } catch (err) {
      this.deps.logger.warn({ err, alertId: row.alertId }, 'help desk not read')
    }
  }

  private async present(userId: string, rows: HelpAlertRow[]): Promise<HelpAlert[]> {
    if (rows.length === 0) return []
    const reached = await this.recipients.findBy({ alertId: In(rows.map((r) => r.alertId)) })
    const account = await this.deps.customers.getAccount(rows[0]?.accountNo ?? '')
    return rows.map((row) =>
      alertView(
        row,
        reached.filter((r) => r.alertId === row.alertId),
        account?.address ?? '',
        userId,
      ),
    )
  }

  private async settingsOf(userId: string, accountNo: string): Promise<HelpSettings> {
    const stored = await this.settings.findOneBy({ accountNo })
    const account = await this.deps.customers.getAccount(accountNo)
    const livingAlone = account?.livingAlone === true
    const bound = await this.deps.bindings.listForAccount(accountNo)
    return {
      enabled: stored?.enabled ?? livingAlone,
      livingAlone,
      shareLocation: stored?.shareLocation ?? false,
      familyCount: new Set(bound.map((b) => b.userId).filter((id) => id !== userId)).size,
    }
  }

  /** What others may see of a person: a masked phone, else how they log in. */
  private async display(userId: string): Promise<string> {
    const identities = await this.deps.users.identitiesOf(userId)
    const phone = identities.find((i) => i.provider === 'phone')
    if (phone) return maskPhone(phone.subject)
    if (identities.some((i) => i.provider === 'alipay')) return '支付宝用户'
    return '微信用户'
  }
}
