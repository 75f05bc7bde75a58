import { createHash } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'
import type { Pool } from 'pg'
import type { DataSource } from 'typeorm'

/** A bound value; instants are bound as the stored UTC ISO text (columns.ts). */
export type SqlValue = string | number | boolean | null | Date

/** A data-modifying statement with RETURNING whose rows later statements of a chain read. */
export interface ChainStep {
  /** The name later statements read the returned rows by (`FROM <as>`). */
  as: string
  sql: string
}

/**
 * Hand-written SQL on either engine behind TypeORM: TypeORM's query building and entity
 * hydration cost more CPU per request than the queries, so the repositories on hot paths (the
 * binding guard, order creation and state changes) write their statements themselves, in the
 * SQL that PostgreSQL and SQLite share. Placeholders are `$1`, `$2`… on both engines.
 */
export interface SqlExecutor {
  /** The rows of one statement (none for a write without RETURNING). */
  rows<R>(text: string, values?: readonly SqlValue[]): Promise<R[]>
  /**
   * Statements that take effect together or not at all; answers the rows of `last`. Each step
   * is visible to the statements after it as a table named `as`. On PostgreSQL this is one
   * statement (data-modifying CTEs): one round trip, atomic without BEGIN/COMMIT. SQLite has no
   * data-modifying CTEs, so it runs the statements in order in one transaction and hands each
   * step's rows on as a CTE of those rows. Both agree when a statement reads what an earlier
   * one wrote only through that step's name: on PostgreSQL every statement of the chain sees
   * the tables as they were before it. No statement of a chain may start with WITH.
   */
  chain<R>(steps: readonly ChainStep[], last: string, values: readonly SqlValue[]): Promise<R[]>
}

/**
 * A statement the database refused, with the engine's code (`23505` on PostgreSQL,
 * `SQLITE_CONSTRAINT_UNIQUE` on SQLite) and the driver's error as `cause`. better-sqlite3's own
 * error is not an `Error` of every realm (its native addon keeps the SqliteError class of the
 * first context that loaded it, so under Jest's per-file contexts `instanceof Error` fails).
 */
export class SqlError extends Error {
  readonly code: string | undefined

  constructor(cause: unknown) {
    const { message, code } = (cause ?? {}) as { message?: unknown; code?: unknown }
    super(typeof message === 'string' ? message : String(cause), { cause })
    this.name = 'SqlError'
    this.code = typeof code === 'string' ? code : undefined
  }
}

/**
 * Hands out placeholders as values are added, so a statement's text and its values stay in
 * step. A value that appears twice in a statement is added once and its placeholder reused.
 */
export class SqlParams {
  readonly values: SqlValue[] = []

  add(value: SqlValue): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  list(values: readonly SqlValue[]): string {
    return values.map((v) => this.add(v)).join(', ')
  }
}

/** Statement texts remembered per connection (prepared on PostgreSQL, compiled on SQLite). */
const MAX_CACHED_STATEMENTS = 500

class PostgresExecutor implements SqlExecutor {
  private readonly names = new Map<string, string>()

  constructor(private readonly pool: Pool) {}

  async rows<R>(text: string, values: readonly SqlValue[] = []): Promise<R[]> {
    try {
      const { rows } = await this.pool.query({
        name: this.nameOf(text),
        text,
        values: values.map((v) => (v instanceof Date ? v.toISOString() : v)),
      })
      return rows as R[]
    } catch (err) {
      throw new SqlError(err)
    }
  }

  chain<R>(steps: readonly ChainStep[], last: string, values: readonly SqlValue[]): Promise<R[]> {
    if (steps.length === 0) return this.rows(last, values)
    const ctes = steps.map((s) => `${s.as} AS (${s.sql})`).join(',\n')
    return this.rows(`WITH ${ctes}\n${last}`, values)
  }

  /**
   * A named statement is parsed and planned once per connection, which halves the round trip
   * of these small statements. Names must stay under 63 bytes and differ per text.
   */
  private nameOf(text: string): string | undefined {
    const known = this.names.get(text)
    if (known || this.names.size >= MAX_CACHED_STATEMENTS) return known
    const name = `s.${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
    this.names.set(text, name)
    return name
  }
}

type SqliteParams = Record<number, string | number | null>

function sqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function refusing<T>(work: () => T): T {
  try {
    return work()
  } catch (err) {
    throw err instanceof SqlError ? err : new SqlError(err)
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * better-sqlite3 is synchronous and has one connection: a chain runs start to end inside one
 * call, so no other statement of this process interleaves with it, whichever repository
 * instance issued it. This executor, one per connection, is the one place that orders writes.
 */
class SqliteExecutor implements SqlExecutor {
  private readonly statements = new Map<string, Statement>()
  private readonly atomically: (work: () => unknown) => unknown

  constructor(private readonly db: Database) {
    this.atomically = db.transaction((work: () => unknown) => work())
  }

  async rows<R>(text: string, values: readonly SqlValue[] = []): Promise<R[]> {
    const statement = refusing(() => this.prepare(text))
    const run = () => refusing(() => this.run(statement, this.params(values)) as R[])
    return statement.readonly ? run() : this.whenIdle(run)
  }

  chain<R>(steps: readonly ChainStep[], last: string, values: readonly SqlValue[]): Promise<R[]> {
    return this.whenIdle(() =>
      refusing(() => this.atomically(() => this.steps(steps, last, values)) as R[]),
    )
  }

  /** The chain's statements in order, each earlier step's rows handed on as a CTE. */
  private steps(steps: readonly ChainStep[], last: string, values: readonly SqlValue[]): unknown[] {
    const params = this.params(values)
    let next = values.length + 1
    const ctes: string[] = []
    const withCtes = (sql: string) => (ctes.length ? `WITH ${ctes.join(',\n')}\n${sql}` : sql)
    for (const step of steps) {
      const statement = this.prepare(withCtes(step.sql))
      const rows = this.run(statement, params) as Record<string, SqliteParams[number]>[]
      const columns = statement.columns().map((c) => c.name)
      const tuples = rows.map((row) => {
        const slots = columns.map((column) => {
          params[next] = row[column] ?? null
          return `$${next++}`
        })
        return `(${slots.join(', ')})`
      })
      const body = tuples.length
        ? `VALUES ${tuples.join(', ')}`
        : `SELECT ${columns.map(() => 'NULL').join(', ')} WHERE 0`
      ctes.push(`${step.as}(${columns.map(quoted).join(', ')}) AS (${body})`)
    }
    return this.run(this.prepare(withCtes(last)), params)
  }

  private params(values: readonly SqlValue[]): SqliteParams {
    const params: SqliteParams = {}
    values.forEach((value, i) => (params[i + 1] = sqliteValue(value)))
    return params
  }

  private run(statement: Statement, params: SqliteParams): unknown[] {
    if (statement.reader) return statement.all(params)
    statement.run(params)
    return []
  }

  private prepare(text: string): Statement {
    const known = this.statements.get(text)
    if (known) return known
    const statement = this.db.prepare(text)
    if (this.statements.size < MAX_CACHED_STATEMENTS) this.statements.set(text, statement)
    return statement
  }

  /**
   * TypeORM's own transactions (other repositories, migrations) run on the same connection
   * across awaits; a write issued meanwhile would join them and go if they roll back. A write
   * waits until the connection is out of any transaction and then runs in the same synchronous
   * call as that check, so no transaction can start in between.
   */
  private async whenIdle<T>(work: () => T): Promise<T> {
    while (this.db.inTransaction) await new Promise((resolve) => setImmediate(resolve))
    return work()
  }
}

/** One executor per open connection, shared by every repository built on it. */
const executors = new WeakMap<object, SqlExecutor>()

/** The executor of an initialised DataSource (PostgreSQL or better-sqlite3). */
export function sqlOf(db: DataSource): SqlExecutor {
  const driver = db.driver as unknown as { master?: Pool; databaseConnection?: Database }
  const type = db.options.type
  if (type !== 'postgres' && type !== 'better-sqlite3')
    throw new Error(`no SQL executor for ${type}`)
  const connection = type === 'postgres' ? driver.master : driver.databaseConnection
  if (!connection) throw new Error(`no open ${type} connection: initialise the DataSource first`)
  const known = executors.get(connection)
  if (known) return known
  const executor =
    type === 'postgres'
      ? new PostgresExecutor(connection as Pool)
      : new SqliteExecutor(connection as Database)
  executors.set(connection, executor)
  return executor
}
