import { formatSummary, parseSelection, STEP_NAMES } from './steps'

describe('parseSelection', () => {
  it('when no flag is given, then every step runs', () => {
    expect([...parseSelection([]).steps].sort()).toEqual([...STEP_NAMES].sort())
  })

  it('when --only lint,typecheck is given, then only those run', () => {
    const selection = parseSelection(['--only', 'lint,typecheck'])
    expect([...selection.steps].sort()).toEqual(['lint', 'typecheck'])
    expect(selection.added).toEqual([])
  })

  it('when --only unit is given, then the services it needs are added', () => {
    const selection = parseSelection(['--only=unit'])
    expect([...selection.steps].sort()).toEqual(['services', 'unit'])
    expect(selection.added).toEqual(['services'])
  })

  it('when --skip e2e is given, then e2e does not run and everything else does', () => {
    const steps = parseSelection(['--skip', 'e2e']).steps
    expect(steps.has('e2e')).toBe(false)
    expect(steps.size).toBe(STEP_NAMES.length - 1)
  })

  it('when a step name is unknown, then it fails naming the valid steps', () => {
    expect(() => parseSelection(['--only', 'lnt'])).toThrow(/unknown step "lnt".*lint,typecheck/)
  })

  it('when --only has no list, then it fails', () => {
    expect(() => parseSelection(['--only'])).toThrow(/needs a comma-separated list/)
  })
})

describe('formatSummary', () => {
  it('when steps ran, then each row shows its status and seconds, and the total', () => {
    const text = formatSummary([
      { name: 'lint', status: 'ok', seconds: 12.34 },
      { name: 'unit', status: 'failed', seconds: 61, note: 'jest exit code 1' },
      { name: 'e2e', status: 'skipped', seconds: 0 },
    ])
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^step\s+status\s+seconds\s+note$/)
    expect(lines[2]).toMatch(/^lint\s+ok\s+12\.3$/)
    expect(lines[3]).toMatch(/^unit\s+FAILED\s+61\.0\s+jest exit code 1$/)
    expect(lines[4]).toMatch(/^e2e\s+skipped\s+-$/)
    expect(lines.at(-1)).toBe('total 73.3 s')
  })
})
