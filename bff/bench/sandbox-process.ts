import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startChildServer, type ChildServer } from './child-process'

export type SandboxProcess = ChildServer

/**
 * The core sandbox as its own process, as in production where the core systems are other
 * machines: its work (signing, ledgers) does not run on the BFF's event loop, so what the
 * bench attributes to the BFF is the BFF's own.
 */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-sandbox-'))
  const child = await startChildServer('sandbox', 'bff/sandbox/main.ts', (port) => ({
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_PORT: String(port),
    SANDBOX_DATA_DIR: dataDir,
    SANDBOX_LOG_LEVEL: 'warn',
  })).catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  return {
    url: child.url,
    async stop() {
      await child.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
