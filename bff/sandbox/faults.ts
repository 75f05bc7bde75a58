import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { PortName, portNames } from './ports/names'
import { Random, hashSeed, hashString } from './random'

const Ms = z.number().int().min(0).max(120_000)
const Rate = z.number().min(0).max(1)

export const LatencySpec = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('fixed'), ms: Ms }).strict(),
  z
    .object({ dist: z.literal('uniform'), min: Ms, max: Ms })
    .strict()
    .refine((v) => v.min <= v.max, { message: 'min must not exceed max' }),
  z.object({ dist: z.literal('normal'), mean: Ms, stddev: Ms }).strict(),
])
export type LatencySpec = z.infer<typeof LatencySpec>

/** How one port misbehaves. A bare number for `latencyMs` means a fixed delay. */
export const FaultConfig = z
  .object({
    latencyMs: z
      .union([Ms.transform((ms) => ({ dist: 'fixed' as const, ms })), LatencySpec])
      .optional(),
    errorRate: Rate.default(0),
    errorStatus: z.number().int().min(400).max(599).default(503),
    /** Share of requests that never get an answer: the client has to give up. */
    timeoutRate: Rate.default(0),
    /** Replays a different fault sequence; defaults to the sandbox seed. */
    seed: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .strict()
export type FaultConfig = z.infer<typeof FaultConfig>
export type FaultConfigInput = z.input<typeof FaultConfig>

export const FaultMap = z.partialRecord(PortName, FaultConfig)
export type FaultMap = z.infer<typeof FaultMap>

/** Body of POST /sandbox/faults: one port, or several at once. */
export const FaultsUpdate = z.union([
  z.object({ ports: FaultMap }).strict(),
  FaultConfig.extend({ port: PortName }),
])

export type FaultDecision =
  | { kind: 'pass'; delayMs: number }
  | { kind: 'error'; delayMs: number; status: number }
  | { kind: 'timeout' }

export type WaitOutcome = 'elapsed' | 'client-gone' | 'closing'

interface ActiveFault {
  config: FaultConfig
  random: Random
}

/**
 * Per-port fault state. Each port draws from its own PRNG, restarted whenever its config is set,
 * so the same config and the same request order give the same failures on every run.
 */
export class FaultInjector {
  private readonly active = new Map<PortName, ActiveFault>()
  private readonly waiters = new Set<() => void>()
  private closed = false

  constructor(
    private readonly seed: number,
    initial: FaultMap = {},
  ) {
    this.setMany(initial)
  }

  set(port: PortName, config: FaultConfig): void {
    const seed = hashSeed(config.seed ?? this.seed, hashString(port))
    this.active.set(port, { config, random: new Random(seed) })
  }

  setMany(configs: FaultMap): void {
    for (const port of portNames) {
      const config = configs[port]
      if (config) this.set(port, config)
    }
  }

  clear(port?: PortName): void {
    if (port) this.active.delete(port)
    else this.active.clear()
  }

  snapshot(): FaultMap {
    const out: FaultMap = {}
    for (const [port, { config }] of this.active) out[port] = config
    return out
  }

  /** Draws a fixed number of values per request, whatever the outcome, to keep runs aligned. */
  decide(port: PortName): FaultDecision | undefined {
    const fault = this.active.get(port)
    if (!fault) return undefined
    const { config, random } = fault
    const timeoutRoll = random.next()
    const errorRoll = random.next()
    const delayMs = sampleLatency(config.latencyMs, random)
    if (timeoutRoll < config.timeoutRate) return { kind: 'timeout' }
    if (errorRoll < config.errorRate) return { kind: 'error', delayMs, status: config.errorStatus }
    return { kind: 'pass', delayMs }
  }

  /**
   * Waits `ms` (Infinity: until the client gives up). Ends early when the client disconnects or
   * the sandbox closes, so no timer or held request outlives either.
   */
  wait(ms: number, res: ServerResponse): Promise<WaitOutcome> {
    if (this.closed) return Promise.resolve('closing')
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const finish = (outcome: WaitOutcome): void => {
        if (timer) clearTimeout(timer)
        res.off('close', onClientGone)
        this.waiters.delete(onClosing)
        resolve(outcome)
      }
      const onClientGone = (): void => finish('client-gone')
      const onClosing = (): void => finish('closing')
      if (Number.isFinite(ms)) timer = setTimeout(() => finish('elapsed'), ms)
      res.once('close', onClientGone)
      this.waiters.add(onClosing)
    })
  }

  /** Requests currently delayed or held by a fault. */
  get pending(): number {
    return this.waiters.size
  }

  close(): void {
    this.closed = true
    for (const release of [...this.waiters]) release()
  }
}

function sampleLatency(spec: LatencySpec | undefined, random: Random): number {
  if (!spec) return 0
  switch (spec.dist) {
    case 'fixed':
      return spec.ms
    case 'uniform':
      return random.int(spec.min, spec.max)
    case 'normal':
      return Math.max(0, Math.round(random.normal(spec.mean, spec.stddev)))
  }
}
