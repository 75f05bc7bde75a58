import { loadConfig } from '../src/platform/config'

describe('config', () => {
  test('when production runs on the default session secret, then it refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/)
  })

  test('when production has its own secret, then it starts', () => {
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })
    expect(c.env).toBe('production')
  })

  test('when nothing is set, then the embedded defaults are used', () => {
    const c = loadConfig({})
    expect(c.port).toBe(3000)
    expect(c.host).toBe('127.0.0.1')
    expect(c.database.type).toBe('sqlite')
    expect(c.upstream.customersUrl).toBe('http://127.0.0.1:4100')
  })

  test('when DATABASE_URL has an unknown scheme, then the error says which', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/sqlite: or postgres/)
  })
})
