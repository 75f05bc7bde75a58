import { z } from 'zod'

/**
 * How the next notifications misbehave, on purpose:
 * - duplicate: the first delivery is sent `count` times, one after another;
 * - concurrent: `count` copies at once, to each of `targets` (default: the notify_url);
 * - reorder: the event is held until a later event has been sent, then delivered;
 * - delay: the first delivery waits `delayMs` (real time, not scaled);
 * - lost: never delivered; the merchant has to query the order to learn about it.
 */
export const NotifyFault = z
  .object({
    mode: z.enum(['duplicate', 'concurrent', 'reorder', 'delay', 'lost']),
    count: z.number().int().min(1).max(20).default(2),
    targets: z
      .array(z.url({ protocol: /^https?$/ }))
      .min(1)
      .max(10)
      .optional(),
    delayMs: z.number().int().min(0).max(86_400_000).default(0),
    /** Only events of this order; default: every event. */
    outTradeNo: z.string().min(1).optional(),
    /** How many events the fault applies to; default 1 for reorder, otherwise until cleared. */
    events: z.number().int().min(1).optional(),
  })
  .strict()
export type NotifyFault = z.infer<typeof NotifyFault>
export type NotifyFaultInput = z.input<typeof NotifyFault>

/** The active fault and how many more events it may affect. */
export class FaultSlot {
  private fault: NotifyFault | undefined
  private remaining = Infinity

  set(fault: NotifyFault): void {
    this.fault = fault
    this.remaining = fault.events ?? (fault.mode === 'reorder' ? 1 : Infinity)
  }

  clear(): void {
    this.fault = undefined
  }

  get current(): NotifyFault | undefined {
    return this.fault
  }

  /** The fault for an event of this order, consuming one use. */
  take(key: string): NotifyFault | undefined {
    const fault = this.fault
    if (!fault || (fault.outTradeNo !== undefined && fault.outTradeNo !== key)) return undefined
    this.remaining -= 1
    if (this.remaining <= 0) this.fault = undefined
    return fault
  }
}
