import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { z } from 'zod'
import { FaultMap } from './faults'

/** Empty env values mean "not set", so a blank line in an env file keeps the default. */
const unset = (value: unknown): unknown => (value === '' ? undefined : value)
const envNumber = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess(unset, z.coerce.number().pipe(schema).default(fallback))

const faultsJson = z.preprocess((value, ctx) => {
  if (value === undefined || value === '') return {}
  try {
    return JSON.parse(String(value))
  } catch {
    ctx.addIssue({ code: 'custom', message: 'SANDBOX_FAULTS must be JSON: { "<port>": {...} }' })
    return z.NEVER
  }
}, FaultMap)

/** An instant with its offset (`2026-11-26T10:00:00+08:00`): a bare local time would be ambiguous. */
const clockStart = z.preprocess(
  unset,
  z.iso
    .datetime({ offset: true, error: 'SANDBOX_CLOCK must be ISO-8601 with an offset' })
    .transform((iso) => new Date(iso))
    .optional(),
)

const Env = z.object({
  SANDBOX_HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
  SANDBOX_PORT: envNumber(z.number().int().min(0).max(65535), 4100),
  SANDBOX_DATA_DIR: z.preprocess(unset, z.string().default('.data/sandbox')),
  SANDBOX_SEED: envNumber(z.number().int().min(0).max(0xffffffff), 20261126),
  // Meter numbers carry the index in 8 digits; 5 million is far above any load test.
  SANDBOX_ACCOUNTS: envNumber(z.number().int().min(0).max(5_000_000), 2000),
  SANDBOX_FAULTS: faultsJson,
  SANDBOX_CLOCK: clockStart,
  SANDBOX_LOG_LEVEL: z.preprocess(
    unset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: z.preprocess(
    unset,
    z.enum(['development', 'test', 'production']).default('development'),
  ),
})

export interface SandboxConfig {
  readonly host: string
  readonly port: number
  /** Absolute. */
  readonly dataDir: string
  readonly seed: number
  /** Generated accounts on top of the personas. */
  readonly accounts: number
  readonly faults: FaultMap
  /**
   * Where the clock starts; null: real time. Seeded data (bills, tiers, seasons, late fees)
   * follows the clock, so a fixed start gives the same data whatever the date; time flows on.
   */
  readonly clockStart: Date | null
  readonly logLevel: z.infer<typeof Env>['SANDBOX_LOG_LEVEL']
  readonly nodeEnv: z.infer<typeof Env>['NODE_ENV']
}

/** The repo root (the package.json with workspaces) above `from`, else `from` itself. */
export function repoRoot(from: string = process.cwd()): string {
  let dir = resolve(from)
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'))
      if (typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed) return dir
    }
    const parent = dirname(dir)
    if (parent === dir) return resolve(from)
    dir = parent
  }
}

/** The only reader of the environment; throws with every problem listed when it is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid sandbox configuration\n  ${problems.join('\n  ')}`)
  }
  const e = parsed.data
  return {
    host: e.SANDBOX_HOST,
    port: e.SANDBOX_PORT,
    dataDir: isAbsolute(e.SANDBOX_DATA_DIR)
      ? e.SANDBOX_DATA_DIR
      : join(repoRoot(), e.SANDBOX_DATA_DIR),
    seed: e.SANDBOX_SEED,
    accounts: e.SANDBOX_ACCOUNTS,
    faults: e.SANDBOX_FAULTS,
    clockStart: e.SANDBOX_CLOCK ?? null,
    logLevel: e.SANDBOX_LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
  }
}

/** Defaults for in-process use (tests): no environment is read. */
export function sandboxConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  return { ...loadConfig({}), ...overrides }
}
