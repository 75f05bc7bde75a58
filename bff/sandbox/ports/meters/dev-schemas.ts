import { z } from 'zod'

/** Bodies of the meter platform's developer endpoints (/sandbox/meters/*). */

export const OnlineUpdate = z.object({ online: z.boolean() }).strict()

export const FailNext = z
  .object({
    count: z.number().int().min(0).max(1000),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
  })
  .strict()

export const FailNextState = z.object({ remaining: z.number().int() })

export const MeterSettings = z.object({
  confirmDelayMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .describe('sandbox-clock time an online IoT meter takes to confirm a credit'),
})

export const MeterSettingsUpdate = MeterSettings.partial().strict()
