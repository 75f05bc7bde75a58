import { fromRoot, repoRoot } from '../../scripts/lib/paths'
import { startProcess } from '../../scripts/lib/processes'
import { waitForHttp } from '../../scripts/lib/stack'
import { freePort } from './sandbox-process'

export interface BffProcess {
  url: string
  stop(): Promise<void>
}

/**
 * A BFF as production runs it, in a process of its own, so the load generator in this process
 * takes none of its CPU, just as the sandbox's figures are taken from a process of its own. It
 * shares the database and Redis given, so users and sessions made here are its users too.
 */
export async function startBffProcess(options: {
  databaseUrl: string
  redisUrl: string
  upstreamUrl: string
}): Promise<BffProcess> {
  const port = await freePort()
  const proc = startProcess('bff', process.execPath, ['--import', 'tsx', 'bff/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      UPSTREAM_BASE_URL: options.upstreamUrl,
      H5_DIR: 'dist/__none__',
      TSX_TSCONFIG_PATH: fromRoot('bff/tsconfig.json'),
    },
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
