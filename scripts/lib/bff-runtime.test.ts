import fs from 'node:fs'
import { BFF_NODE_FLAGS } from './bff-runtime'
import { fromRoot } from './paths'

/** The image runs the BFF with the options the benchmark measured it with. */
test('when the image starts the BFF, then node gets every one of BFF_NODE_FLAGS before the entry', () => {
  const dockerfile = fs.readFileSync(fromRoot('deploy/Dockerfile'), 'utf8')
  const line = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1]
  expect(line).toBeDefined()
  const argv = JSON.parse(line ?? '[]') as string[]
  expect(argv[0]).toBe('node')
  const entry = argv.indexOf('dist/bff/main.js')
  expect(entry).toBeGreaterThan(0)
  for (const flag of BFF_NODE_FLAGS) expect(argv.slice(1, entry)).toContain(flag)
})
