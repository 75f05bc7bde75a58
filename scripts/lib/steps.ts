/** Which `npm test` steps run, and the summary table printed at the end. */

export const STEP_NAMES = ['lint', 'typecheck', 'services', 'unit', 'h5', 'e2e', 'mp'] as const
export type StepName = (typeof STEP_NAMES)[number]

export const STEP_HELP: Record<StepName, string> = {
  lint: 'eslint . and prettier --check .',
  typecheck: 'tsc --noEmit for every workspace',
  services: 'Redis, PostgreSQL, Chromium for the tests (installed if missing)',
  unit: 'jest: unit and integration tests of every workspace',
  h5: 'npm run build:h5 (skipped when dist/h5 is newer than its sources)',
  e2e: 'sandbox + BFF on free ports, then the browser tests in e2e/',
  mp: 'weapp and alipay builds, package sizes within the 2 MB limit',
}

/** Steps a step cannot run without; they are added even when not asked for. */
const prerequisites: Partial<Record<StepName, StepName[]>> = {
  unit: ['services'],
  e2e: ['services', 'h5'],
}

export interface Selection {
  steps: Set<StepName>
  /** Prerequisites added because a selected step needs them. */
  added: StepName[]
  help: boolean
}

function parseList(value: string | undefined, flag: string): StepName[] {
  if (!value)
    throw new Error(`${flag} needs a comma-separated list of steps: ${STEP_NAMES.join(',')}`)
  return value.split(',').map((raw) => {
    const name = raw.trim()
    if (!(STEP_NAMES as readonly string[]).includes(name)) {
      throw new Error(`unknown step "${name}" in ${flag}; steps are ${STEP_NAMES.join(',')}`)
    }
    return name as StepName
  })
}

/** `--only a,b`, `--skip c` (also `--only=a,b`); default: every step. */
export function parseSelection(argv: readonly string[]): Selection {
  let only: StepName[] | undefined
  const skip: StepName[] = []
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined]
    if (flag === '--help' || flag === '-h') help = true
    else if (flag === '--only')
      only = [...(only ?? []), ...parseList(inline ?? argv[++i], '--only')]
    else if (flag === '--skip') skip.push(...parseList(inline ?? argv[++i], '--skip'))
    else throw new Error(`unknown argument "${arg}" (try --help)`)
  }
  const steps = new Set<StepName>((only ?? STEP_NAMES).filter((step) => !skip.includes(step)))
  const added: StepName[] = []
  for (const step of STEP_NAMES) {
    if (!steps.has(step)) continue
    for (const needed of prerequisites[step] ?? []) {
      if (!steps.has(needed)) {
        steps.add(needed)
        added.push(needed)
      }
    }
  }
  return { steps, added, help }
}

export function prerequisitesOf(step: StepName): StepName[] {
  return prerequisites[step] ?? []
}

export type StepStatus = 'ok' | 'failed' | 'skipped' | 'blocked' | 'interrupted' | 'not run'

export interface StepResult {
  name: StepName
  status: StepStatus
  seconds: number
  note?: string
}

export function formatSummary(results: readonly StepResult[]): string {
  const header = ['step', 'status', 'seconds', 'note']
  const rows = results.map((r) => [
    r.name,
    r.status === 'failed' ? 'FAILED' : r.status,
    ['ok', 'failed', 'interrupted'].includes(r.status) ? r.seconds.toFixed(1) : '-',
    r.note ?? '',
  ])
  const widths = header.map((h, col) =>
    Math.max(h.length, ...rows.map((row) => row[col]?.length ?? 0)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, col) =>
        col === 2 ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0),
      )
      .join('  ')
      .trimEnd()
  const total = results.reduce((sum, r) => sum + r.seconds, 0)
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `total ${total.toFixed(1)} s`,
  ].join('\n')
}
