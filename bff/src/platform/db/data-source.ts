import fs from 'node:fs'
import path from 'node:path'
import 'reflect-metadata'
import { DataSource, type DataSourceOptions } from 'typeorm'
import type { Config } from '../config'
import { migrations } from './migrations'

/** The features' tables: the composition root lists them, the platform knows no feature. */
type Entities = NonNullable<DataSourceOptions['entities']>

function createDataSource(database: Config['database'], entities: Entities): DataSource {
  if (database.type === 'postgres') {
    return new DataSource({
      type: 'postgres',
      url: database.url,
      entities,
      migrations,
      synchronize: false,
      migrationsRun: false,
      extra: { max: 20 },
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

/** Opens the database and applies pending migrations; the schema is never synchronised. */
export async function openDatabase(
  database: Config['database'],
  entities: Entities,
): Promise<DataSource> {
  const ds = createDataSource(database, entities)
  await ds.initialize()
  await ds.runMigrations({ transaction: 'each' })
  return ds
}
