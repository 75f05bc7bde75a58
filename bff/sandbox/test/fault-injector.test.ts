import { FaultConfig, FaultInjector } from '../faults'

const delays = (input: unknown, n = 2000): number[] => {
  const faults = new FaultInjector(1)
  faults.set('meters', FaultConfig.parse(input))
  return Array.from({ length: n }, () => {
    const d = faults.decide('meters')
    return d && d.kind !== 'timeout' ? d.delayMs : -1
  })
}

describe('fault injector latency', () => {
  it('when latency is uniform, then every delay lies within [min, max] and both ends are reached', () => {
    const all = delays({ latencyMs: { dist: 'uniform', min: 10, max: 20 } })
    expect(Math.min(...all)).toBe(10)
    expect(Math.max(...all)).toBe(20)
  })

  it('when latency is normal, then delays centre on the mean and are never negative', () => {
    const all = delays({ latencyMs: { dist: 'normal', mean: 50, stddev: 40 } })
    const mean = all.reduce((a, b) => a + b, 0) / all.length
    expect(mean).toBeGreaterThan(40)
    expect(mean).toBeLessThan(60)
    expect(Math.min(...all)).toBe(0)
  })

  it('when timeoutRate and errorRate are fractions, then outcomes come in about those shares', () => {
    const faults = new FaultInjector(3)
    faults.set('notify', FaultConfig.parse({ timeoutRate: 0.1, errorRate: 0.3 }))
    const kinds = { pass: 0, error: 0, timeout: 0 }
    for (let i = 0; i < 5000; i++) kinds[faults.decide('notify')?.kind ?? 'pass']++
    expect(kinds.timeout / 5000).toBeCloseTo(0.1, 1)
    // Errors are rolled only for requests that did not time out.
    expect(kinds.error / 5000).toBeCloseTo(0.27, 1)
  })

  it('when a port has no fault config, then it is left alone', () => {
    expect(new FaultInjector(1).decide('customers')).toBeUndefined()
  })
})
