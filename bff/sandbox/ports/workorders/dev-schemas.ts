import { z } from 'zod'

const Ms = z
  .number()
  .int()
  .min(0)
  .max(30 * 86_400_000)

/** Work-order developer settings (/sandbox/workorders/settings). */
export const WorkOrderSettings = z.object({
  acceptanceSlaMs: z
    .object({ urgent: Ms, urban: Ms, rural: Ms })
    .describe('acceptance SLA of new orders: urgent kinds, city addresses, village addresses'),
  paused: z.boolean().describe('true: dispatch stalls, nobody accepts or moves orders'),
})
export type WorkOrderSettings = z.infer<typeof WorkOrderSettings>

export const WorkOrderSettingsUpdate = z
  .object({
    acceptanceSlaMs: WorkOrderSettings.shape.acceptanceSlaMs.partial().strict().optional(),
    paused: z.boolean().optional(),
  })
  .strict()
