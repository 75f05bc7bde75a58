import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createSandbox, type Sandbox } from '../sandbox/app'
import type { SandboxConfig } from '../sandbox/config'
import type { Logger } from 'pino'

/**
 * Where the core sandbox of every BFF integration test starts its clock. Its seeded bills, tiers,
 * late fees, heating seasons and notices follow that clock, so the tests read the same data
 * whatever the date they run on.
 */
export const SANDBOX_CLOCK_START = new Date('2026-11-26T10:00:00+08:00')

export interface CoreSandbox {
  readonly sandbox: Sandbox
  readonly url: string
  /**
   * The BFF's clock for this sandbox (give it to `startBff`): it starts where the sandbox's did
   * and flows with real time, as a BFF and its real upstreams share one time. A test moving the
   * sandbox clock moves the sandbox only, as before.
   */
  readonly now: () => Date
  close(): Promise<void>
}

/** An in-process core sandbox on a free port, with its own data directory (keys included). */
export async function startCoreSandbox(
  name: string,
  config: Partial<SandboxConfig> = {},
  /** Where its request log goes; silent by default. */
  logger?: Logger,
): Promise<CoreSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `${name}-`))
  const sandbox = createSandbox({
    config: { dataDir, accounts: 10, clockStart: SANDBOX_CLOCK_START, ...config },
    ...(logger ? { logger } : {}),
  })
  const shiftMs = sandbox.state.clock.nowMs() - Date.now()
  const { url } = await sandbox.listen(0, '127.0.0.1')
  return {
    sandbox,
    url,
    now: () => new Date(Date.now() + shiftMs),
    async close() {
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
