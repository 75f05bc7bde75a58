import { z } from 'zod'

const Ms = z
  .number()
  .int()
  .min(0)
  .max(30 * 86_400_000)

/** Work-order developer settings (/sandbox/workorders/settings). */
export const WorkOrderSettings = z.object({
  acceptanceSlaMs: z.object({ gas_leak: Ms, no_heat: Ms, meter_fault: Ms, other: Ms }),
  paused: z.boolean().describe('true: dispatch stalls, nobody accepts or moves orders'),
})
export type WorkOrderSettings = z.infer<typeof WorkOrderSettings>

export const WorkOrderSettingsUpdate = z
  .object({
    acceptanceSlaMs: WorkOrderSettings.shape.acceptanceSlaMs.partial().strict().optional(),
    paused: z.boolean().optional(),
  })
  .strict()
