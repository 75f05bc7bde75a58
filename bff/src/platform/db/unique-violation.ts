/** A unique-constraint violation on PostgreSQL (23505) or SQLite: someone else inserted first. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (err instanceof Error && /UNIQUE constraint/.test(err.message))
  )
}
