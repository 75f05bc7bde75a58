import fs from 'node:fs'
import path from 'node:path'

export type LockResult = { ok: true; release: () => void } | { ok: false; pid: number }

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * True when `pid` is alive and, where /proc tells, is running `marker` in its command line,
 * so a pid reused by an unrelated program after a crash or reboot does not block us.
 */
export function isPidRunning(pid: number, marker: string): boolean {
  if (!isPidAlive(pid)) return false
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)
  } catch {
    return true
  }
}

/**
 * A pid file that only one live process can hold. A file left by a dead process is taken
 * over; `wx` makes the creation atomic when two starts race.
 */
export function acquirePidLock(
  file: string,
  isHolderAlive: (pid: number) => boolean,
  ownPid = process.pid,
): LockResult {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${ownPid}\n`, { flag: 'wx' })
      return { ok: true, release: () => releasePidLock(file, ownPid) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readPid(file)
    if (holder !== undefined && holder !== ownPid && isHolderAlive(holder)) {
      return { ok: false, pid: holder }
    }
    fs.rmSync(file, { force: true })
  }
  throw new Error(`could not take the lock ${file}`)
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** Removes the lock only if it is still ours (a newer instance may have taken it over). */
export function releasePidLock(file: string, ownPid = process.pid): void {
  if (readPid(file) === ownPid) fs.rmSync(file, { force: true })
}
