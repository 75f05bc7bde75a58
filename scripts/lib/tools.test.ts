import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { locateTool, missingPackages } from './tools'
import { findExecutable, findPostgresBin } from './which'

describe('finding system tools on a machine that lacks them', () => {
  let root: string
  const touch = (relative: string, mode = 0o755) => {
    const file = path.join(root, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, '#!/bin/sh\n')
    fs.chmodSync(file, mode)
    return file
  }
  const bare = (searchPath: string) => ({
    searchPath,
    extraDirs: [],
    postgresRoot: path.join(root, 'usr/lib/postgresql'),
  })

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tools-test-'))
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it('when nothing is installed, then every package is reported missing', () => {
    const empty = path.join(root, 'empty-bin')
    fs.mkdirSync(empty)
    expect(missingPackages(['redis', 'postgres', 'chromium'], bare(empty))).toEqual([
      'redis-server',
      'postgresql',
      'chromium',
      'fonts-noto-cjk',
    ])
  })

  it('when redis-server is on PATH, then it is found there', () => {
    const redis = touch('bin-a/redis-server')
    const searchPath = [path.join(root, 'missing'), path.join(root, 'bin-a')].join(path.delimiter)
    expect(locateTool('redis', bare(searchPath))).toBe(redis)
  })

  it('when the file is not executable, then it does not count', () => {
    touch('bin/redis-server', 0o644)
    expect(findExecutable('redis-server', path.join(root, 'bin'), [])).toBeUndefined()
  })

  it('when PATH lacks a tool but a system dir has it, then the system dir is used', () => {
    const chromium = touch('usr/bin/chromium')
    expect(findExecutable('chromium', '', [path.join(root, 'usr/bin')])).toBe(chromium)
  })

  it('when only the PostgreSQL client is installed, then the server is missing', () => {
    touch('usr/lib/postgresql/15/bin/psql')
    expect(findPostgresBin(path.join(root, 'usr/lib/postgresql'))).toBeUndefined()
    expect(missingPackages(['postgres'], bare(''))).toEqual(['postgresql'])
  })

  it('when two PostgreSQL versions are installed, then the newest server is used', () => {
    for (const version of ['9.6', '13', '15']) {
      touch(`usr/lib/postgresql/${version}/bin/initdb`)
      touch(`usr/lib/postgresql/${version}/bin/pg_ctl`)
    }
    expect(findPostgresBin(path.join(root, 'usr/lib/postgresql'))).toBe(
      path.join(root, 'usr/lib/postgresql/15/bin'),
    )
  })
})
