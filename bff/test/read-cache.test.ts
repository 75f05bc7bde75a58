import { randomUUID } from 'node:crypto'
import { defaultReadCacheTtls } from '../src/platform/cache/cache-kinds'
import { ReadCache, type ReadCacheKey } from '../src/platform/cache/read-cache'
import { createRedis, type Redis } from '../src/platform/redis'
import { redisUrl } from './harness'

/** The read cache against a real Redis: what two instances and a writer see. */
const key: ReadCacheKey = { kind: 'summary', scope: 'account:1000000001', id: 'summary' }
const ttlSeconds = { ...defaultReadCacheTtls, summary: 15 }

let redis: Redis
let namespace: string
const caches: ReadCache[] = []

beforeEach(() => {
  redis = createRedis(redisUrl())
  namespace = `rc_test_${randomUUID().slice(0, 8)}`
})
afterEach(async () => {
  for (const cache of caches.splice(0)) cache.close()
  redis.disconnect()
})

/** One instance's cache; instances made with the same clock share Redis and the namespace. */
function instance(now: () => number = Date.now, options: { subscribe?: boolean } = {}) {
  const cache = new ReadCache(redis, {
    namespace,
    ttlSeconds,
    pollMs: 5,
    now,
    ...(options.subscribe ? { subscriber: createRedis(redisUrl()) } : {}),
  })
  caches.push(cache)
  return cache
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

test('when two instances miss the same answer at once, then the upstream is asked once and both get its answer', async () => {
  const [a, b] = [instance(), instance()]
  const answer = deferred<{ balanceFen: number }>()
  let calls = 0
  const load = () => {
    calls++
    return answer.promise
  }
  const reads = [a.read(key, load), a.read(key, load), b.read(key, load), b.read(key, load)]
  await new Promise((r) => setTimeout(r, 50))
  answer.resolve({ balanceFen: 100 })
  expect(await Promise.all(reads)).toEqual(Array(4).fill({ balanceFen: 100 }))
  expect(calls).toBe(1)
})

test('when a write invalidates an answer, then the next read on another instance asks the upstream again', async () => {
  const [a, b] = [instance(Date.now, { subscribe: true }), instance(Date.now, { subscribe: true })]
  // The subscribers must be listening before the write is published.
  await new Promise((r) => setTimeout(r, 100))
  let balanceFen = 100
  const load = async () => ({ balanceFen })
  expect(await b.read(key, load)).toEqual({ balanceFen: 100 })
  balanceFen = 130
  await a.invalidate(key.scope, ['summary'])
  await new Promise((r) => setTimeout(r, 50))
  expect(await b.read(key, load)).toEqual({ balanceFen: 130 })
})

test('when an answer fetched before a write arrives after its invalidation, then it is not kept', async () => {
  const cache = instance()
  const old = deferred<{ balanceFen: number }>()
  const asked = deferred<true>()
  const slow = cache.read(key, () => {
    asked.resolve(true)
    return old.promise
  })
  // The upstream has been asked (not merely some time has passed: a busy machine may not have
  // got the read that far), and only then does the write come.
  await asked.promise
  await cache.invalidate(key.scope, ['summary'])
  old.resolve({ balanceFen: 100 })
  // Its own caller still gets it: the read began before the write.
  expect(await slow).toEqual({ balanceFen: 100 })
  expect(await cache.read(key, async () => ({ balanceFen: 130 }))).toEqual({ balanceFen: 130 })
})

test('when an answer is past its freshness, then it is served once more while one refresh fetches the next', async () => {
  let now = Date.now()
  const cache = new ReadCache(redis, { namespace, ttlSeconds, localMs: 0, now: () => now })
  caches.push(cache)
  await cache.read(key, async () => ({ balanceFen: 100 }))
  now += 16_000
  let refreshes = 0
  const refreshed = deferred<null>()
  const load = async () => {
    refreshes++
    refreshed.resolve(null)
    return { balanceFen: 130 }
  }
  expect(await cache.read(key, load)).toEqual({ balanceFen: 100 })
  await refreshed.promise
  await new Promise((r) => setTimeout(r, 20))
  expect(await cache.read(key, load)).toEqual({ balanceFen: 130 })
  expect(refreshes).toBe(1)
  // Past twice its freshness an answer is not served at all.
  now += 31_000
  expect(await cache.read(key, async () => ({ balanceFen: 150 }))).toEqual({ balanceFen: 150 })
})

test('when the upstream fails, then nothing is kept and the next read asks again', async () => {
  const cache = instance()
  await expect(
    cache.read(key, async () => {
      throw new Error('billing down')
    }),
  ).rejects.toThrow('billing down')
  expect(await cache.read(key, async () => ({ balanceFen: 100 }))).toEqual({ balanceFen: 100 })
})
