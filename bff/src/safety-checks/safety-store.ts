import { SelfCheckAnswers } from '@gh/shared'
import type { DataSource } from 'typeorm'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'

export interface SavedSelfCheck {
  answers: SelfCheckAnswers
  checkedAt: Date
}

export interface BookedVisit {
  inspectionId: string
  accountNo: string
  slotDate: string | null
  state: string
}

/** The feature's three tables: answers per account, reminders sent, visits booked in the app. */
export class SafetyStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  async selfCheck(accountNo: string): Promise<SavedSelfCheck | null> {
    const [row] = await this.sql.rows<{ answers: string; checkedAt: string }>(
      'SELECT answers, checked_at AS "checkedAt" FROM self_checks WHERE account_no = $1',
      [accountNo],
    )
    if (!row) return null
    // Parsed again: a row written by an older version must not reach a resident malformed.
    const answers = SelfCheckAnswers.safeParse(JSON.parse(row.answers))
    return answers.success ? { answers: answers.data, checkedAt: new Date(row.checkedAt) } : null
  }

  async saveSelfCheck(
    accountNo: string,
    answers: SelfCheckAnswers,
    userId: string,
    now: Date,
  ): Promise<void> {
    await this.sql.rows(
      `INSERT INTO self_checks (account_no, answers, checked_by, checked_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (account_no) DO UPDATE SET answers = $2, checked_by = $3, checked_at = $4`,
      [accountNo, JSON.stringify(answers), userId, now],
    )
  }

  /** Accounts with saved answers: the ones whose hoses and alarms have a known age. */
  async checkedAccounts(): Promise<string[]> {
    const rows = await this.sql.rows<{ accountNo: string }>(
      'SELECT account_no AS "accountNo" FROM self_checks ORDER BY account_no',
    )
    return rows.map((r) => r.accountNo)
  }

  async reminded(key: string): Promise<boolean> {
    const rows = await this.sql.rows('SELECT 1 FROM safety_reminders WHERE reminder_key = $1', [
      key,
    ])
    return rows.length > 0
  }

  async recordReminder(key: string, accountNo: string, kind: string, now: Date): Promise<void> {
    await this.sql.rows(
      `INSERT INTO safety_reminders (reminder_key, account_no, kind, sent_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (reminder_key) DO NOTHING`,
      [key, accountNo, kind, now],
    )
  }

  async visit(inspectionId: string): Promise<BookedVisit | null> {
    const [row] = await this.sql.rows<BookedVisit>(
      `SELECT inspection_id AS "inspectionId", account_no AS "accountNo", slot_date AS "slotDate",
        state FROM safety_inspections WHERE inspection_id = $1`,
      [inspectionId],
    )
    return row ?? null
  }

  async putVisit(visit: BookedVisit, now: Date): Promise<void> {
    await this.sql.rows(
      `INSERT INTO safety_inspections (inspection_id, account_no, slot_date, state, updated_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (inspection_id) DO UPDATE SET slot_date = $3, state = $4, updated_at = $5`,
      [visit.inspectionId, visit.accountNo, visit.slotDate, visit.state, now],
    )
  }

  /** Visits still booked for the day given. */
  async bookedOn(date: string): Promise<BookedVisit[]> {
    return this.sql.rows<BookedVisit>(
      `SELECT inspection_id AS "inspectionId", account_no AS "accountNo", slot_date AS "slotDate",
        state FROM safety_inspections WHERE state = 'booked' AND slot_date = $1`,
      [date],
    )
  }
}
