import type { DataSource } from 'typeorm'
import type { RepairState } from '@gh/shared'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'

/** A repair the app follows (see RepairRow). */
export interface KnownRepair {
  repairNo: string
  accountNo: string
  userId: string
  seenEvents: number
  state: RepairState
}

const COLUMNS =
  'repair_no AS "repairNo", account_no AS "accountNo", user_id AS "userId", ' +
  'seen_events AS "seenEvents", state'

/** States after which nothing happens unless the resident reopens the repair. */
const SETTLED: readonly RepairState[] = ['resolved', 'rated']

/**
 * The repairs reported through the app and the step messages sent about them, in the SQL both
 * engines share. Writes are conditional, so two runs of the step job cannot both move a repair.
 */
export class RepairStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  /** Idempotent: a repair remembered before (a replayed report) keeps its row. */
  async remember(repair: KnownRepair, now: Date): Promise<void> {
    await this.sql.rows(
      `INSERT INTO repairs (repair_no, account_no, user_id, seen_events, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (repair_no) DO NOTHING`,
      [repair.repairNo, repair.accountNo, repair.userId, repair.seenEvents, repair.state, now],
    )
  }

  /** Repairs still moving, the one looked at longest ago first. */
  async open(limit: number): Promise<KnownRepair[]> {
    return this.sql.rows<KnownRepair>(
      `SELECT ${COLUMNS} FROM repairs WHERE state NOT IN ($1, $2)
       ORDER BY updated_at, repair_no LIMIT $3`,
      [...SETTLED, limit],
    )
  }

  async find(repairNo: string): Promise<KnownRepair | null> {
    const [row] = await this.sql.rows<KnownRepair>(
      `SELECT ${COLUMNS} FROM repairs WHERE repair_no = $1`,
      [repairNo],
    )
    return row ?? null
  }

  /**
   * Moves the seen mark from `from` on and notes the look (updated_at), so the next run starts
   * with others; false when another run moved it first.
   */
  async advance(
    repairNo: string,
    from: number,
    to: number,
    state: RepairState,
    now: Date,
  ): Promise<boolean> {
    const rows = await this.sql.rows<{ repairNo: string }>(
      `UPDATE repairs SET seen_events = $1, state = $2, updated_at = $3
       WHERE repair_no = $4 AND seen_events = $5
       RETURNING repair_no AS "repairNo"`,
      [to, state, now, repairNo, from],
    )
    return rows.length === 1
  }

  /** After the resident acted (reopen, rating): the job follows the repair again if it moves. */
  async setState(repairNo: string, state: RepairState, now: Date): Promise<void> {
    await this.sql.rows(`UPDATE repairs SET state = $1, updated_at = $2 WHERE repair_no = $3`, [
      state,
      now,
      repairNo,
    ])
  }
}
