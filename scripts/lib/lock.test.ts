import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { acquirePidLock, isPidAlive, releasePidLock } from './lock'

describe('acquirePidLock', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-test-'))
    file = path.join(dir, 'nested', 'start.lock')
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('when no lock exists, then it is taken and holds our pid', () => {
    const lock = acquirePidLock(file, () => true, 4242)
    expect(lock.ok).toBe(true)
    expect(fs.readFileSync(file, 'utf8').trim()).toBe('4242')
  })

  it('when a live process holds the lock, then we are refused with its pid', () => {
    acquirePidLock(file, () => true, 1111)
    const second = acquirePidLock(file, (pid) => pid === 1111, 2222)
    expect(second).toEqual({ ok: false, pid: 1111 })
    expect(fs.readFileSync(file, 'utf8').trim()).toBe('1111')
  })

  it('when the holder is dead, then the stale lock is taken over', () => {
    acquirePidLock(file, () => true, 1111)
    const second = acquirePidLock(file, () => false, 2222)
    expect(second.ok).toBe(true)
    expect(fs.readFileSync(file, 'utf8').trim()).toBe('2222')
  })

  it('when the lock file holds garbage, then it is taken over', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, 'not a pid')
    expect(acquirePidLock(file, () => true, 3333).ok).toBe(true)
  })

  it('when released, then the file is gone and can be taken again', () => {
    const lock = acquirePidLock(file, () => true, 4242)
    if (lock.ok) lock.release()
    expect(fs.existsSync(file)).toBe(false)
    expect(acquirePidLock(file, () => true, 5555).ok).toBe(true)
  })

  it('when another instance took the lock over, then our release leaves its lock alone', () => {
    acquirePidLock(file, () => true, 1111)
    acquirePidLock(file, () => false, 2222)
    releasePidLock(file, 1111)
    expect(fs.readFileSync(file, 'utf8').trim()).toBe('2222')
  })
})

describe('isPidAlive', () => {
  it('when asked about this process, then it is alive', () => {
    expect(isPidAlive(process.pid)).toBe(true)
  })

  it('when asked about a pid beyond pid_max, then it is dead', () => {
    expect(isPidAlive(2 ** 30)).toBe(false)
  })
})
