import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fromRoot, repoRoot } from '../../scripts/lib/paths'
import { startProcess } from '../../scripts/lib/processes'
import { waitForHttp } from '../../scripts/lib/stack'

export interface SandboxProcess {
  url: string
  stop(): Promise<void>
}

/**
 * The core sandbox as its own process, as in production where the core systems are other
 * machines: its work (signing, ledgers) does not run on the BFF's event loop, so what the
 * bench attributes to the BFF is the BFF's own.
 */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-sandbox-'))
  const proc = startProcess(
    'sandbox',
    process.execPath,
    ['--import', 'tsx', 'bff/sandbox/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_PORT: String(port),
        SANDBOX_DATA_DIR: dataDir,
        SANDBOX_LOG_LEVEL: 'warn',
        TSX_TSCONFIG_PATH: fromRoot('bff/tsconfig.json'),
      },
      output: { kind: 'capture' },
    },
  )
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/healthz`, proc, 60_000)
  } catch (error) {
    await proc.stop()
    throw error
  }
  return {
    url,
    async stop() {
      await proc.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
