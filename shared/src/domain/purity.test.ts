import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The domain library runs in mini-program engines as well as Node: these would break there, or
// bring float or locale-dependent arithmetic back into money.
const FORBIDDEN: [RegExp, string][] = [
  [/\bprocess\./, 'Node process'],
  [/\bBuffer\b/, 'Node Buffer'],
  [/\brequire\(|from 'node:/, 'Node modules'],
  [/\b(window|document|navigator|localStorage)\b/, 'DOM'],
  [/\bIntl\b|toLocaleString/, 'Intl (missing in some engines)'],
  [/\bnew Date\b|Date\.(parse|now)/, 'Date (runtime time zone)'],
  [/toFixed|parseFloat|Math\.round/, 'float rounding'],
]

const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

describe('domain sources', () => {
  it('when the folder is listed, then there are sources to check', () => {
    expect(sources).toEqual(expect.arrayContaining(['money.ts', 'tariff.ts', 'speech.ts']))
  })

  it.each(sources)('when %s is read, then it uses no platform-specific or float API', (file) => {
    const code = readFileSync(join(__dirname, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
    const found = FORBIDDEN.filter(([pattern]) => pattern.test(code)).map(([, what]) => what)
    expect(found).toEqual([])
  })
})
