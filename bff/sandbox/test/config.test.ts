import { existsSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { loadConfig } from '../config'

describe('sandbox configuration', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4100,
      seed: 20261126,
      accounts: 2000,
      faults: {},
      clockStart: null,
      nodeEnv: 'development',
    })
    expect(isAbsolute(config.dataDir)).toBe(true)
    expect(config.dataDir.endsWith(join('.data', 'sandbox'))).toBe(true)
    // Resolved from the repo root, whichever workspace folder the process starts in.
    expect(existsSync(join(config.dataDir, '..', '..', 'package.json'))).toBe(true)
  })

  it('when values are set, then they are parsed, and blank ones fall back to defaults', () => {
    const config = loadConfig({
      SANDBOX_PORT: '4200',
      SANDBOX_SEED: '42',
      SANDBOX_ACCOUNTS: '100000',
      SANDBOX_HOST: '',
      SANDBOX_DATA_DIR: '/tmp/sandbox-data',
      SANDBOX_FAULTS: '{"customers":{"errorRate":0.1,"latencyMs":50}}',
      SANDBOX_CLOCK: '2026-11-26T10:00:00+08:00',
      NODE_ENV: 'production',
    })
    expect(config.clockStart?.toISOString()).toBe('2026-11-26T02:00:00.000Z')
    expect(config).toMatchObject({ port: 4200, seed: 42, accounts: 100_000, host: '127.0.0.1' })
    expect(config.dataDir).toBe('/tmp/sandbox-data')
    expect(config.faults.customers).toMatchObject({
      errorRate: 0.1,
      errorStatus: 503,
      latencyMs: { dist: 'fixed', ms: 50 },
    })
    expect(config.nodeEnv).toBe('production')
  })

  it.each([
    [{ SANDBOX_PORT: 'eighty' }, 'SANDBOX_PORT'],
    [{ SANDBOX_ACCOUNTS: '-1' }, 'SANDBOX_ACCOUNTS'],
    [{ SANDBOX_FAULTS: '{not json' }, 'SANDBOX_FAULTS'],
    [{ SANDBOX_FAULTS: '{"customers":{"errorRate":3}}' }, 'SANDBOX_FAULTS'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SANDBOX_CLOCK: '2026-11-26T10:00:00' }, 'SANDBOX_CLOCK'],
    [{ SANDBOX_CLOCK: 'yesterday' }, 'SANDBOX_CLOCK'],
  ])('when %j is given, then start-up fails naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name)
  })
})
