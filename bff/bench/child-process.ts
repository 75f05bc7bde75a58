import { fromRoot, repoRoot } from '../../scripts/lib/paths'
import { findFreePort } from '../../scripts/lib/ports'
import { startProcess } from '../../scripts/lib/processes'
import { waitForHttp } from '../../scripts/lib/stack'

export interface ChildServer {
  url: string
  stop(): Promise<void>
}

/**
 * A TypeScript entry of this repo run as its own process on a free port, ready once its
 * `/healthz` answers. `env` receives the port; the child's output is captured, not printed.
 */
export async function startChildServer(
  name: string,
  entry: string,
  env: (port: number) => Record<string, string>,
  /** Node options before the entry (e.g. `--cpu-prof`). */
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const port = await findFreePort()
  const proc = startProcess(name, process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env(port), TSX_TSCONFIG_PATH: fromRoot('bff/tsconfig.json') },
    output: { kind: 'capture' },
  })
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
    },
  }
}
