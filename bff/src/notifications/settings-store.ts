import {
  DEFAULT_LOW_BALANCE_THRESHOLD_FEN,
  type NotificationGroup,
  type NotificationGroups,
} from '@gh/shared'
import type { DataSource } from 'typeorm'
import { SqlParams, sqlOf, type SqlExecutor } from '../platform/db/sql-executor'

/** One resident's settings for one account, as the service reads them. */
export interface AccountSettings {
  groups: NotificationGroups
  channels: { wechat: boolean; alipay: boolean; sms: boolean }
  smsConsentedAt: Date | null
}

/** What a resident who never opened 消息设置 gets: every group, subscriptions yes, SMS no. */
export const DEFAULT_SETTINGS: AccountSettings = {
  groups: {
    bills: { enabled: true },
    balance: { enabled: true, thresholdFen: DEFAULT_LOW_BALANCE_THRESHOLD_FEN },
    supply_stops: { enabled: true },
    repairs: { enabled: true },
    payments: { enabled: true },
  },
  channels: { wechat: true, alipay: true, sms: false },
  smsConsentedAt: null,
}

export function wants(settings: AccountSettings, group: NotificationGroup): boolean {
  return settings.groups[group].enabled
}

const COLUMNS = `user_id AS "userId", bills_on AS "billsOn", balance_on AS "balanceOn",
  low_balance_fen AS "lowBalanceFen", supply_stops_on AS "supplyStopsOn",
  repairs_on AS "repairsOn", payments_on AS "paymentsOn", wechat_on AS "wechatOn",
  alipay_on AS "alipayOn", sms_on AS "smsOn", sms_consented_at AS "smsConsentedAt"`

/** As stored: SQLite keeps booleans as 0/1, instants as UTC ISO text. */
interface StoredSettings {
  userId: string
  billsOn: boolean | number
  balanceOn: boolean | number
  lowBalanceFen: number
  supplyStopsOn: boolean | number
  repairsOn: boolean | number
  paymentsOn: boolean | number
  wechatOn: boolean | number
  alipayOn: boolean | number
  smsOn: boolean | number
  smsConsentedAt: string | null
}

function hydrate(row: StoredSettings): AccountSettings {
  const on = (value: boolean | number) => ({ enabled: Boolean(value) })
  return {
    groups: {
      bills: on(row.billsOn),
      balance: { ...on(row.balanceOn), thresholdFen: row.lowBalanceFen },
      supply_stops: on(row.supplyStopsOn),
      repairs: on(row.repairsOn),
      payments: on(row.paymentsOn),
    },
    channels: {
      wechat: Boolean(row.wechatOn),
      alipay: Boolean(row.alipayOn),
      sms: Boolean(row.smsOn),
    },
    smsConsentedAt: row.smsConsentedAt ? new Date(row.smsConsentedAt) : null,
  }
}

/**
 * notification_settings on either engine (sql-executor.ts). The low-balance alarm lives on the
 * same row: `balance_below` and the count of crossings, each crossing naming its own event.
 */
export class SettingsStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  async get(userId: string, accountNo: string): Promise<AccountSettings> {
    return (await this.getMany([userId], accountNo)).get(userId) ?? DEFAULT_SETTINGS
  }

  /** Every given user's settings for the account (defaults for those without a row). */
  async getMany(
    userIds: readonly string[],
    accountNo: string,
  ): Promise<Map<string, AccountSettings>> {
    const found = new Map<string, AccountSettings>()
    if (userIds.length === 0) return found
    const p = new SqlParams()
    const rows = await this.sql.rows<StoredSettings>(
      `SELECT ${COLUMNS} FROM notification_settings
        WHERE account_no = ${p.add(accountNo)} AND user_id IN (${p.list(userIds)})`,
      p.values,
    )
    for (const row of rows) found.set(row.userId, hydrate(row))
    for (const userId of userIds) if (!found.has(userId)) found.set(userId, DEFAULT_SETTINGS)
    return found
  }

  async save(userId: string, accountNo: string, s: AccountSettings, now: Date): Promise<void> {
    const { groups, channels } = s
    await this.sql.rows(
      `INSERT INTO notification_settings (user_id, account_no, bills_on, balance_on,
          low_balance_fen, supply_stops_on, repairs_on, payments_on, wechat_on, alipay_on, sms_on,
          sms_consented_at, balance_below, balance_crossings, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14)
        ON CONFLICT (user_id, account_no) DO UPDATE SET bills_on = $3, balance_on = $4,
          low_balance_fen = $5, supply_stops_on = $6, repairs_on = $7, payments_on = $8,
          wechat_on = $9, alipay_on = $10, sms_on = $11, sms_consented_at = $12, updated_at = $14`,
      [
        userId,
        accountNo,
        groups.bills.enabled,
        groups.balance.enabled,
        groups.balance.thresholdFen,
        groups.supply_stops.enabled,
        groups.repairs.enabled,
        groups.payments.enabled,
        channels.wechat,
        channels.alipay,
        channels.sms,
        s.smsConsentedAt,
        false,
        now,
      ],
    )
  }

  /** Whether the resident was told the balance is low, and how many times so far. */
  async alarm(
    userId: string,
    accountNo: string,
    now: Date,
  ): Promise<{ below: boolean; crossings: number }> {
    await this.ensureRow(userId, accountNo, now)
    const [row] = await this.sql.rows<{ below: boolean | number; crossings: number }>(
      `SELECT balance_below AS below, balance_crossings AS crossings FROM notification_settings
        WHERE user_id = $1 AND account_no = $2`,
      [userId, accountNo],
    )
    return { below: Boolean(row?.below), crossings: row?.crossings ?? 0 }
  }

  /** Records that crossing number `crossing` was told; a concurrent poll's repeat is a no-op. */
  async markBelow(userId: string, accountNo: string, crossing: number): Promise<void> {
    await this.sql.rows(
      `UPDATE notification_settings SET balance_below = $3, balance_crossings = $4
        WHERE user_id = $1 AND account_no = $2 AND balance_crossings = $5`,
      [userId, accountNo, true, crossing, crossing - 1],
    )
  }

  /** The balance is at or above the threshold again: the next fall below is told again. */
  async rearm(userId: string, accountNo: string): Promise<void> {
    await this.sql.rows(
      `UPDATE notification_settings SET balance_below = $3
        WHERE user_id = $1 AND account_no = $2 AND balance_below = $4`,
      [userId, accountNo, false, true],
    )
  }

  private async ensureRow(userId: string, accountNo: string, now: Date): Promise<void> {
    const d = DEFAULT_SETTINGS
    await this.sql.rows(
      `INSERT INTO notification_settings (user_id, account_no, bills_on, balance_on,
          low_balance_fen, supply_stops_on, repairs_on, payments_on, wechat_on, alipay_on, sms_on,
          sms_consented_at, balance_below, balance_crossings, updated_at)
        VALUES ($1, $2, $3, $3, $4, $3, $3, $3, $3, $3, $5, NULL, $5, 0, $6)
        ON CONFLICT (user_id, account_no) DO NOTHING`,
      [userId, accountNo, true, d.groups.balance.thresholdFen, false, now],
    )
  }
}
