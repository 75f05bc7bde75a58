import { z } from 'zod'

/** The envelope every BFF error answers with. `message` is Chinese, for the user. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    /** Seconds until the caller may try again (rate limits, lock-outs). */
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>

export const NoParams = z.object({})
export const NoQuery = z.object({})
export const NoBody = z.object({}).strict()

/** A utility account number (户号): 10 digits. */
export const AccountNo = z
  .string()
  .regex(/^\d{10}$/, { message: '户号应为10位数字' })
  .describe('户号, 10 digits')
export type AccountNo = z.infer<typeof AccountNo>

export const AccountParams = z.object({ accountNo: AccountNo })

/** ISO-8601 timestamp with an explicit offset (Asia/Shanghai: +08:00). */
export const IsoDateTime = z.iso.datetime({ offset: true })

/** Money is integer fen everywhere. */
export const Fen = z.number().int().describe('amount in fen (分)')
