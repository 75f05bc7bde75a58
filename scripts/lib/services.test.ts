import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ensurePostgres, ensureRedis, type Service } from './services'

/*
 * Starts the real private servers (npm test's services step installs them first). The env
 * overrides are cleared so the private start path is what runs.
 */

function send(port: number, command: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write(command))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString())
    })
    socket.once('error', reject)
  })
}

describe('private services', () => {
  const saved = { ...process.env }
  let dir: string
  // Stopped in afterEach so a failed assertion cannot leave a server (and Jest) running.
  let started: Service[] = []
  beforeEach(() => {
    delete process.env.REDIS_URL
    delete process.env.TEST_DATABASE_URL
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-test-'))
    fs.chmodSync(dir, 0o755)
  })
  afterEach(async () => {
    await Promise.all(started.map((service) => service.stop()))
    started = []
    process.env = { ...saved }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('when REDIS_URL is unset, then a private Redis answers on a free port until stopped', async () => {
    const redis = await ensureRedis({ dataDir: path.join(dir, 'redis') })
    started.push(redis)
    const port = Number(new URL(redis.url).port)
    expect(port).toBeGreaterThan(0)
    await expect(send(port, 'PING\r\n')).resolves.toBe('+PONG\r\n')
    await redis.stop()
    await redis.stop()
    await expect(send(port, 'PING\r\n')).rejects.toThrow(/ECONNREFUSED/)
  }, 30000)

  it('when REDIS_URL is set, then it is used and nothing is started', async () => {
    process.env.REDIS_URL = 'redis://example.invalid:6379'
    const redis = await ensureRedis({ dataDir: path.join(dir, 'redis') })
    expect(redis.url).toBe('redis://example.invalid:6379')
    expect(fs.existsSync(path.join(dir, 'redis'))).toBe(false)
  })

  it('when TEST_DATABASE_URL is unset, then a private PostgreSQL accepts connections until stopped', async () => {
    const postgres = await ensurePostgres({ dir: path.join(dir, 'pg') })
    started.push(postgres)
    const url = new URL(postgres.url)
    expect(url.protocol).toBe('postgres:')
    expect(url.pathname).toBe('/gh_test')
    // An SSLRequest gets a one-byte answer ('N' or 'S') from a live server.
    const sslRequest = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47])
    await expect(send(Number(url.port), sslRequest)).resolves.toMatch(/^[NS]$/)
    await postgres.stop()
    await expect(send(Number(url.port), sslRequest)).rejects.toThrow(/ECONNREFUSED/)
  }, 90000)
})
