import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildState } from './staleness'

describe('buildState', () => {
  let root: string
  const write = (relative: string, secondsAgo: number) => {
    const file = path.join(root, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, relative)
    const time = new Date(Date.now() - secondsAgo * 1000)
    fs.utimesSync(file, time, time)
  }
  const state = () =>
    buildState(
      path.join(root, 'dist/index.html'),
      [path.join(root, 'src'), path.join(root, 'config')],
      root,
    )

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stale-test-'))
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it('when the output is missing, then it is stale and says so', () => {
    write('src/app.tsx', 100)
    expect(state()).toEqual({ stale: true, reason: 'dist/index.html is missing' })
  })

  it('when the output is newer than every source, then it is fresh', () => {
    write('src/pages/a.tsx', 100)
    write('config/index.ts', 90)
    write('dist/index.html', 10)
    expect(state()).toEqual({ stale: false })
  })

  it('when a nested source changed after the build, then it is stale and names the file', () => {
    write('dist/index.html', 50)
    write('src/pages/deep/page.tsx', 5)
    expect(state()).toEqual({
      stale: true,
      reason: 'src/pages/deep/page.tsx changed since the last build',
    })
  })

  it('when only a test file changed after the build, then it is fresh', () => {
    write('src/app.tsx', 100)
    write('dist/index.html', 50)
    write('src/money.test.ts', 5)
    write('src/__tests__/page.tsx', 5)
    expect(state()).toEqual({ stale: false })
  })

  it('when a source root does not exist, then it is ignored', () => {
    fs.rmSync(path.join(root, 'config'), { recursive: true, force: true })
    write('src/app.tsx', 100)
    write('dist/index.html', 50)
    expect(state()).toEqual({ stale: false })
  })
})
