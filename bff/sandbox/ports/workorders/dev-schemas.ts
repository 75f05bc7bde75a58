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

/** The inspector's verdict on a booked 入户安检 (/sandbox/workorders/inspections/:id/complete). */
export const InspectionVerdict = z
  .object({
    result: z.enum(['pass', 'fail']).describe('pass: a suspended account gets its gas back'),
    findings: z
      .array(
        z.object({
          item: z.string().min(1).max(20),
          severity: z.enum(['hazard', 'advice']),
          note: z.string().min(1).max(100),
        }),
      )
      .max(10)
      .default([]),
  })
  .strict()
