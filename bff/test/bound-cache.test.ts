import { BoundCache } from '../src/accounts/bound-cache'

/** The binding guard's memory on its own, on a clock the test moves; no Redis, so no messages. */
function cacheAt(clock: { ms: number }) {
  return new BoundCache({ ttlMs: 5000, channel: 'test', now: () => clock.ms })
}

test('when a removal is never heard, then a remembered binding is no longer believed once its time is up', () => {
  const clock = { ms: 0 }
  const cache = cacheAt(clock)
  cache.remember('u1', '1000000001', cache.mark())
  clock.ms = 4999
  expect(cache.has('u1', '1000000001')).toBe(true)
  clock.ms = 5000
  expect(cache.has('u1', '1000000001')).toBe(false)
})

test('when a binding is removed here, then it is not believed any more and other pairs still are', async () => {
  const cache = cacheAt({ ms: 0 })
  cache.remember('u1', '1000000001', cache.mark())
  cache.remember('u1', '1000000002', cache.mark())
  await cache.removed([{ userId: 'u1', accountNo: '1000000001' }])
  expect(cache.has('u1', '1000000001')).toBe(false)
  expect(cache.has('u1', '1000000002')).toBe(true)
})

test('when a database read started before a removal ends after it, then its answer is not remembered', async () => {
  const cache = cacheAt({ ms: 0 })
  const mark = cache.mark()
  await cache.removed([{ userId: 'u1', accountNo: '1000000001' }])
  cache.remember('u1', '1000000001', mark)
  expect(cache.has('u1', '1000000001')).toBe(false)
})
