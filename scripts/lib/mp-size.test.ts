import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { oversized, packageSizes, PACKAGE_LIMIT_BYTES } from './mp-size'

describe('packageSizes', () => {
  let dist: string
  const write = (relative: string, bytes: number) => {
    const file = path.join(dist, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, Buffer.alloc(bytes))
  }

  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-test-'))
  })
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }))

  it('when app.json lists subpackages, then their files are not counted in the main package', () => {
    const appJson = JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [{ root: 'agent/' }],
    })
    fs.writeFileSync(path.join(dist, 'app.json'), appJson)
    write('app.js', 1000)
    write('agent/pages/console.js', 5000)
    const sizes = packageSizes(dist)
    expect(sizes).toEqual([
      { name: 'main', bytes: 1000 + Buffer.byteLength(appJson) },
      { name: 'agent', bytes: 5000 },
    ])
    expect(oversized(sizes)).toEqual([])
  })

  it('when the main package is over 2 MB, then it is reported', () => {
    fs.writeFileSync(path.join(dist, 'app.json'), '{"pages":[]}')
    write('vendors.js', PACKAGE_LIMIT_BYTES)
    expect(oversized(packageSizes(dist)).map((size) => size.name)).toEqual(['main'])
  })
})
