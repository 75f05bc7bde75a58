import { Column, type ValueTransformer } from 'typeorm'

/**
 * Instants are stored as fixed-width UTC ISO strings (`2026-11-26T01:30:00.000Z`). SQLite has no
 * timestamp-with-zone type and PostgreSQL's `timestamp` drops the zone; a fixed-width UTC string
 * is portable, sorts correctly and never shifts with the server's TZ. Responses convert to +08:00.
 */
const isoTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => (value ? value.toISOString() : value),
  from: (value: string | null) => (value ? new Date(value) : value),
}

export function InstantColumn(options: { name: string; nullable?: boolean }): PropertyDecorator {
  return Column({
    type: 'varchar',
    length: 24,
    name: options.name,
    nullable: options.nullable ?? false,
    transformer: isoTransformer,
  })
}
