import fs from 'node:fs'
import net from 'node:net'
import { say } from './log'
import { findFreePort } from './ports'
import { describeExit, startProcess } from './processes'
import { requireTool } from './tools'

export interface Service {
  url: string
  /** Stops what this script started (nothing for an external URL); idempotent. */
  stop(): Promise<void>
}

/** host:port of a URL, without the credentials, for printing. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparsable URL)'
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

async function startPrivateRedis(binary: string, dataDir: string): Promise<Service> {
  const port = await findFreePort()
  const proc = startProcess(
    'redis',
    binary,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--dir', dataDir, '--daemonize', 'no', '--loglevel', 'warning'],
    ],
    { output: { kind: 'capture' } },
  )
  const deadline = Date.now() + 15000
  while (Date.now() < deadline) {
    if (!proc.running()) {
      const info = await proc.finished()
      throw new Error(`redis-server stopped at start (${describeExit(info)}):\n${proc.tail()}`)
    }
    if (await ping(port)) {
      const stop = async () => {
        await proc.stop()
      }
      return { url: `redis://127.0.0.1:${port}`, stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await proc.stop()
  throw new Error(`redis-server did not answer PING on port ${port} within 15 s:\n${proc.tail()}`)
}

/**
 * REDIS_URL when set; otherwise a private redis-server on a free port that lives as long as
 * this process. `--port 0` would mean "no TCP at all" to Redis, hence the free-port lookup.
 */
export async function ensureRedis(options: { dataDir: string }): Promise<Service> {
  const external = process.env.REDIS_URL
  if (external) {
    say(`Redis: using REDIS_URL ${safeUrl(external)}`)
    return { url: external, stop: async () => undefined }
  }
  const binary = await requireTool('redis')
  fs.mkdirSync(options.dataDir, { recursive: true })
  // A port taken between the lookup and Redis's bind is retried with another one.
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const service = await startPrivateRedis(binary, options.dataDir)
      say(`Redis: started ${service.url} (private, no persistence)`)
      return service
    } catch (error) {
      lastError = error
    }
  }
  throw lastError
}
