import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '../../scripts/lib/ports'
import { requireTool } from '../../scripts/lib/tools'
import { createLogger } from '../src/platform/logger'
import { QueueFactory } from '../src/platform/queues'
import { createRedis } from '../src/platform/redis'
import { redisUrl } from './harness'

/*
 * A real Sentinel in front of the test Redis: BullMQ's queue and worker and the command client
 * find the master through it, as a production REDIS_URL of redis+sentinel://… makes them do.
 */
let sentinel: ChildProcess | undefined
let sentinelUrl = ''
let dir = ''

beforeAll(async () => {
  const binary = await requireTool('redis')
  const master = new URL(redisUrl())
  const port = await findFreePort()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-'))
  const conf = path.join(dir, 'sentinel.conf')
  fs.writeFileSync(
    conf,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor gas-master ${master.hostname} ${master.port || 6379} 1`,
      ...(master.password
        ? [`sentinel auth-pass gas-master ${decodeURIComponent(master.password)}`]
        : []),
      '',
    ].join('\n'),
  )
  sentinel = spawn(binary, [conf, '--sentinel'], { stdio: 'ignore' })
  const probe = createRedis(`redis://127.0.0.1:${port}`)
  try {
    for (let i = 0; i < 100; i++) {
      const answer = await probe
        .call('SENTINEL', 'get-master-addr-by-name', 'gas-master')
        .catch(() => null)
      if (Array.isArray(answer)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    probe.disconnect()
  }
  const auth = master.password ? `:${master.password}@` : ''
  sentinelUrl = `redis+sentinel://${auth}127.0.0.1:${port}/gas-master${master.pathname.length > 1 ? master.pathname : ''}`
})

afterAll(() => {
  sentinel?.kill()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('when REDIS_URL names a Sentinel, then commands and BullMQ jobs reach the master through it', async () => {
  const redis = createRedis(sentinelUrl)
  const queues = new QueueFactory(sentinelUrl, createLogger('silent'), `sentinel-${Date.now()}`)
  try {
    const key = `sentinel-test:${Date.now()}`
    await redis.set(key, 'through sentinel', 'EX', 30)
    const direct = createRedis(redisUrl())
    await expect(direct.get(key)).resolves.toBe('through sentinel')
    direct.disconnect()

    const done = new Promise<unknown>((resolve) => {
      queues.worker<{ n: number }>('sentinel-check', async (job) => {
        resolve(job.data.n)
      })
    })
    await queues.queue<{ n: number }>('sentinel-check').add('check', { n: 42 })
    await expect(done).resolves.toBe(42)
  } finally {
    await queues.close()
    redis.disconnect()
  }
})
