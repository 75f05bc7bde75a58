import { redisOptionsFromUrl } from '../src/platform/redis'

test('when the URL is plain redis, then host, port, credentials and database come from it', () => {
  expect(redisOptionsFromUrl('redis://app:s%40cret@cache.internal:6380/2')).toEqual({
    username: 'app',
    password: 's@cret',
    host: 'cache.internal',
    port: 6380,
    db: 2,
  })
  expect(redisOptionsFromUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 })
  expect(redisOptionsFromUrl('redis://:pw@[::1]:7000')).toMatchObject({
    host: '::1',
    port: 7000,
    password: 'pw',
  })
})

test('when the URL is rediss, then the connection uses TLS and checks the server name', () => {
  expect(redisOptionsFromUrl('rediss://default:pw@r-abc.redis.rds.aliyuncs.com:6380/0')).toEqual({
    username: 'default',
    password: 'pw',
    host: 'r-abc.redis.rds.aliyuncs.com',
    port: 6380,
    db: 0,
    tls: { servername: 'r-abc.redis.rds.aliyuncs.com' },
  })
})

test('when the URL names Sentinels, then the master is found through them', () => {
  expect(
    redisOptionsFromUrl(
      'redis+sentinel://:pw@s1.internal:26379,s2.internal,s3.internal:26380/gas-master/1?sentinelPassword=sp',
    ),
  ).toEqual({
    password: 'pw',
    sentinels: [
      { host: 's1.internal', port: 26379 },
      { host: 's2.internal', port: 26379 },
      { host: 's3.internal', port: 26380 },
    ],
    name: 'gas-master',
    db: 1,
    sentinelPassword: 'sp',
  })
  expect(redisOptionsFromUrl('rediss+sentinel://s1.internal/gas-master')).toMatchObject({
    tls: {},
    enableTLSForSentinelMode: true,
  })
})

test('when the URL is not one Redis can be reached by, then it is refused with the reason', () => {
  expect(() => redisOptionsFromUrl('http://cache.internal')).toThrow(/redis/)
  expect(() => redisOptionsFromUrl('redis+sentinel://s1.internal')).toThrow(/master/)
  expect(() => redisOptionsFromUrl('redis://a.internal,b.internal')).toThrow(/several hosts/)
  expect(() => redisOptionsFromUrl('redis://cache.internal/x')).toThrow(/database/)
})
