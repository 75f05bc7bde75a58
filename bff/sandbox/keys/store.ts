import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'

/** Where generated key material lives: `<SANDBOX_DATA_DIR>/keys/<name>.json`. */
export function keyFile(dataDir: string, name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad key set name ${name}`)
  return join(dataDir, 'keys', `${name}.json`)
}

/**
 * Loads a key set, or creates and keeps it on first use. Creation is exclusive (write a private
 * temp file, then hard-link it into place): when several processes start at once (parallel test
 * workers, `npm start`), the first link wins and everyone else reads the winner's keys, so all of
 * them sign and verify with the same material.
 */
export function loadOrCreate<T>(
  dataDir: string,
  name: string,
  schema: z.ZodType<T>,
  create: () => T,
): T {
  const file = keyFile(dataDir, name)
  const existing = read(file, schema)
  if (existing !== undefined) return existing

  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 })
  const created = schema.parse(create())
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 })
  try {
    linkSync(temp, file)
    return created
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    const winner = read(file, schema)
    if (winner === undefined)
      throw new Error(`${file} vanished while being created`, { cause: err })
    return winner
  } finally {
    unlinkSync(temp)
  }
}

function read<T>(file: string, schema: z.ZodType<T>): T | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  const invalid = (cause: unknown) =>
    new Error(`${file} is not a valid key set; delete it to generate a new one`, { cause })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw invalid(err)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw invalid(parsed.error)
  return parsed.data
}
