import request from 'supertest'
import { createSandbox, type Sandbox, type SandboxOptions } from '../app'

export interface Running {
  readonly sandbox: Sandbox
  readonly url: string
  readonly http: ReturnType<typeof request>
}

/**
 * Where a test sandbox's clock starts unless the test says otherwise (`clockStart`, or `null`
 * for real time). Seeded bills, tiers, seasons and notices follow the clock, so a fixed start
 * keeps every answer the same whatever the date the tests run on.
 */
export const TEST_CLOCK_START = new Date('2026-11-26T10:00:00+08:00')

const running = new Set<Sandbox>()

/** A sandbox listening on a free port; closed by `closeAll` (call it in afterEach). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Running> {
  const sandbox = createSandbox({
    ...options,
    config: { clockStart: TEST_CLOCK_START, ...options.config },
  })
  running.add(sandbox)
  const { url } = await sandbox.listen(0, '127.0.0.1')
  return { sandbox, url, http: request(url) }
}

export async function closeAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.close()))
  running.clear()
}
