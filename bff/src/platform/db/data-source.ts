import fs from 'node:fs'
import path from 'node:path'
import 'reflect-metadata'
import { DataSource, type DataSourceOptions } from 'typeorm'
import type { Config } from '../config'
import { migrations } from './migrations'

/** The features' tables: the composition root lists them, the platform knows no feature. */
type Entities = NonNullable<DataSourceOptions['entities']>

function createDataSource(
  database: Config['database'],
  entities: Entities,
  poolSize: number,
): DataSource {
  if (database.type === 'postgres') {
    return new DataSource({
      type: 'postgres',
      url: database.url,
      entities,
      migrations,
      synchronize: false,
      migrationsRun: false,
      extra: { max: poolSize },
    })
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true })
  return new DataSource({
    type: 'better-sqlite3',
    database: database.file,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    // WAL lets readers (readyz, reads) proceed while a write transaction runs.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL')
      db.pragma('busy_timeout = 5000')
      db.pragma('foreign_keys = ON')
    },
  })
}

/**
 * `run` applies pending migrations (under a lock on PostgreSQL); `verify` refuses a database
 * that lacks some, for instances that leave migrating to the one-off migrate role.
 */
export type MigrationMode = 'run' | 'verify'

/**
 * Any fixed 64-bit number: every instance of the BFF takes this advisory lock before migrating,
 * so only one migrates and the others wait, then find nothing left to do.
 */
export const MIGRATION_LOCK_KEY = '7306482915001'

/** Applies pending migrations, one instance at a time; returns how many ran. */
export async function runMigrationsLocked(ds: DataSource): Promise<number> {
  if (ds.options.type !== 'postgres') {
    return (await ds.runMigrations({ transaction: 'each' })).length
  }
  // A session lock: held by this one connection until unlocked or the connection ends.
  const runner = ds.createQueryRunner()
  await runner.connect()
  try {
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY])
    try {
      return (await ds.runMigrations({ transaction: 'each' })).length
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY])
    }
  } finally {
    await runner.release()
  }
}

/** Opens the database and applies (or checks) its migrations; the schema is never synchronised. */
export async function openDatabase(
  database: Config['database'],
  entities: Entities,
  options: { migrations?: MigrationMode; poolSize?: number } = {},
): Promise<DataSource> {
  const ds = createDataSource(database, entities, options.poolSize ?? 20)
  await ds.initialize()
  try {
    if (options.migrations === 'verify') {
      if (await ds.showMigrations()) {
        throw new Error('the database has pending migrations: run the migrate role first')
      }
    } else {
      await runMigrationsLocked(ds)
    }
  } catch (err) {
    await ds.destroy()
    throw err
  }
  return ds
}
