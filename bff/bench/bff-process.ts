import { BFF_NODE_FLAGS } from '../../scripts/lib/bff-runtime'
import { startChildServer, type ChildServer } from './child-process'

export type BffProcess = ChildServer

/**
 * A BFF as production runs it (its Node options too), in a process of its own, so the load generator in this process
 * takes none of its CPU, just as the sandbox's figures are taken from a process of its own. It
 * shares the database and Redis given, so users and sessions made here are its users too.
 */
export function startBffProcess(options: {
  databaseUrl: string
  redisUrl: string
  upstreamUrl: string
  /** Writes a CPU profile of the BFF (`.cpuprofile`, for Chrome DevTools) here when it stops. */
  profileDir?: string
}): Promise<BffProcess> {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []
  const nodeArgs = [...BFF_NODE_FLAGS, ...profile]
  return startChildServer(
    'bff',
    'bff/src/main.ts',
    (port) => ({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      UPSTREAM_BASE_URL: options.upstreamUrl,
      H5_DIR: 'dist/__none__',
    }),
    nodeArgs,
  )
}
