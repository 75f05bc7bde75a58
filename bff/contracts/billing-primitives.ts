import { z } from 'zod'

/** Field types every billing schema shares, kept apart so billing's parts import no cycle. */

export const Fen = z.number().int().describe('amount in fen (分), integer')
export const LocalDate = z.iso.date().describe('calendar date in Asia/Shanghai, YYYY-MM-DD')

/** Our payment order id doubles as the idempotency key, so it is safe in a header and a URL. */
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/)
  .describe('6–64 characters of A–Z, a–z, 0–9, _ and -; the idempotency key')
