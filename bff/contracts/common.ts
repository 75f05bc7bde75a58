import { z } from 'zod'

/**
 * The error body every upstream port answers with. Codes are stable and for programs; messages
 * are the upstream's own text and never reach a resident (the BFF maps codes to its own table).
 */
export const UpstreamError = z
  .object({
    code: z
      .string()
      .describe(
        'INVALID_ARGUMENT, ACCOUNT_NOT_FOUND, NOT_FOUND, TOO_MANY_REQUESTS, INTERNAL, ' +
          'SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, or a port-specific code',
      ),
    message: z.string(),
  })
  .describe('Upstream error body')
export type UpstreamError = z.infer<typeof UpstreamError>

/** ISO-8601 timestamp with an explicit offset (the utility is in Asia/Shanghai, +08:00). */
export const IsoDateTime = z.iso.datetime({ offset: true })

/** A utility account number (户号): 10 digits. */
export const AccountNo = z
  .string()
  .regex(/^\d{10}$/)
  .describe('户号 (account number), 10 digits')
