import type { Pool } from 'pg'
import type { DataSource } from 'typeorm'
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js'

/**
 * The pg pool under a PostgreSQL DataSource, or null on SQLite. Hot paths (the binding guard,
 * order creation and state changes) run hand-written SQL on it: TypeORM's query building and
 * entity hydration cost several milliseconds of CPU per request, more than the queries.
 * The pool is TypeORM's own, so connections, limits and shutdown stay in one place.
 */
export function postgresPool(db: DataSource): Pool | null {
  if (db.options.type !== 'postgres') return null
  const driver = db.driver as PostgresDriver
  return driver.master as Pool
}
