import { Redis } from 'ioredis'
import { SlidingWindowLimiter } from '../src/auth/sliding-window'
import { redisUrl } from './harness'
import { randomNamespace } from './auth-fakes'

let redis: Redis
beforeAll(() => {
  redis = new Redis(redisUrl())
})
afterAll(() => {
  redis.disconnect()
})

const rule = { name: 'unit', limit: 4, windowSeconds: 60, lockSeconds: 120 }

function limiterAt(clock: { ms: number }) {
  return new SlidingWindowLimiter(redis, randomNamespace(), rule, () => new Date(clock.ms))
}

test('when the limit is spent at the end of a window, then the start of the next window is still refused', async () => {
  // A fixed window would allow another 4 right after the edge; the sliding window does not.
  const clock = { ms: Math.ceil(Date.now() / 60_000) * 60_000 + 59_000 }
  const limiter = limiterAt(clock)
  for (let i = 0; i < rule.limit; i++) expect((await limiter.hit('k')).allowed).toBe(true)
  clock.ms += 2_000
  expect(await limiter.hit('k')).toEqual({ allowed: false, retryAfterSeconds: rule.lockSeconds })
  expect(await limiter.lockedFor('k')).toBeGreaterThan(rule.lockSeconds - 5)
})

test('when earlier attempts have slid out of the window, then new ones are allowed', async () => {
  const clock = { ms: Math.floor(Date.now() / 60_000) * 60_000 }
  const limiter = limiterAt(clock)
  for (let i = 0; i < rule.limit; i++) expect((await limiter.hit('k')).allowed).toBe(true)
  clock.ms += 120_000
  expect((await limiter.hit('k')).allowed).toBe(true)
})

test('when an attempt is undone, then it does not count towards the limit', async () => {
  const limiter = limiterAt({ ms: Math.floor(Date.now() / 60_000) * 60_000 })
  for (let i = 0; i < rule.limit * 2; i++) {
    const hit = await limiter.hit('k')
    expect(hit.allowed).toBe(true)
    if (hit.allowed) await hit.undo()
  }
})
