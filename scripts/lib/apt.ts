import { spawn } from 'node:child_process'
import { eachLine, say } from './log'

/*
 * Debian packages the scripts need on a fresh machine (CI, a new developer box). apt output
 * is long, so only a summary streams: the plan, warnings/errors, a progress line every
 * 15 s, and the last lines if it fails.
 */

let updated: Promise<void> | undefined
let queue: Promise<unknown> = Promise.resolve()

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function runApt(args: readonly string[], label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const recent: string[] = []
    let fetched = 0
    let setUp = 0
    const child = spawn('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const onLine = (line: string) => {
      recent.push(line)
      if (recent.length > 40) recent.shift()
      if (/^Get:\d+/.test(line)) fetched++
      else if (line.startsWith('Setting up ')) setUp++
      else if (/^(E:|W:|Err:)|newly installed|^Need to get/.test(line))
        console.log(`  apt │ ${line}`)
    }
    if (child.stdout) eachLine(child.stdout, onLine)
    if (child.stderr) eachLine(child.stderr, onLine)
    const ticker = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000)
      console.log(`  apt │ ${label}: ${seconds} s, ${fetched} downloaded, ${setUp} set up…`)
    }, 15000)
    child.once('error', (error) => {
      clearInterval(ticker)
      reject(new Error(`apt-get could not start: ${error.message}`))
    })
    child.once('close', (code) => {
      clearInterval(ticker)
      const seconds = ((Date.now() - started) / 1000).toFixed(0)
      if (code === 0) {
        console.log(`  apt │ ${label}: done in ${seconds} s`)
        resolve()
      } else {
        console.log(recent.map((l) => `  apt │ ${l}`).join('\n'))
        reject(new Error(`apt-get ${args.join(' ')} failed with exit code ${code}`))
      }
    })
  })
}

/** Installs Debian packages as root, running `apt-get update` at most once per process. */
export function aptInstall(packages: readonly string[], why: string): Promise<void> {
  const job = queue.then(async () => {
    if (packages.length === 0) return
    const list = packages.join(' ')
    if (!isRoot()) {
      throw new Error(
        `${why}, but installing needs root. Run: sudo apt-get install -y ${list} (or set the URL/path env var instead)`,
      )
    }
    say(
      `${why}: installing ${list} with apt-get (first run on this machine only; can take a few minutes)`,
    )
    updated ??= runApt(['update'], 'apt-get update').catch((error: unknown) => {
      updated = undefined
      throw error
    })
    await updated
    await runApt(['install', '-y', ...packages], `apt-get install ${list}`)
  })
  queue = job.catch(() => undefined)
  return job
}
