import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { onExitKill, onShutdown } from './lifecycle'
import { say } from './log'
import { findFreePort } from './ports'
import { runCommand } from './processes'
import { safeUrl, type Service } from './redis'
import { requireTool } from './tools'

/*
 * A throw-away PostgreSQL cluster for integration tests: initdb into `dir`, trust auth on
 * 127.0.0.1 only, fsync off (the data dies with the run anyway). PostgreSQL refuses to run
 * as root, so as root every server command runs as the `postgres` user the Debian package
 * creates.
 */

const DATABASE = 'gh_test'

function asPostgresUser(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  return root ? ['runuser', '-u', 'postgres', '--'] : []
}

function idOf(flag: '-u' | '-g'): number {
  const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  const id = Number(result.stdout.trim())
  if (result.status !== 0 || !Number.isInteger(id)) {
    throw new Error('running as root needs the `postgres` user (created by the postgresql package)')
  }
  return id
}

function prepareDir(dir: string, runAs: string[]): void {
  // pg_ctl passes -o through a shell and the socket path has a 107-byte limit.
  if (!/^[\w./-]+$/.test(dir)) throw new Error(`PostgreSQL dir has unsafe characters: ${dir}`)
  if (path.join(dir, '.s.PGSQL.65535').length > 100) {
    throw new Error(`PostgreSQL dir is too long for a Unix socket path: ${dir}`)
  }
  fs.mkdirSync(dir, { recursive: true })
  if (runAs.length === 0) return
  fs.chownSync(dir, idOf('-u'), idOf('-g'))
  const reach = spawnSync(runAs[0] ?? 'runuser', [...runAs.slice(1), 'test', '-w', dir])
  if (reach.status !== 0) {
    throw new Error(
      `the postgres user cannot write ${dir}: its parent directories must be world-executable`,
    )
  }
}

/** [program, args] for `command args`, prefixed by `runuser -u postgres --` when needed. */
function commandLine(runAs: string[], command: string, args: string[]): [string, string[]] {
  const [head, ...rest] = [...runAs, command, ...args]
  return [head ?? command, rest]
}

async function run(runAs: string[], command: string, args: string[]): Promise<string> {
  const [program, programArgs] = commandLine(runAs, command, args)
  const result = await runCommand(path.basename(command), program, programArgs, {
    output: { kind: 'capture' },
  })
  if (!result.ok) throw new Error(`${path.basename(command)} failed:\n${result.tail}`)
  return result.tail
}

function logTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n')
  } catch {
    return ''
  }
}

/** TEST_DATABASE_URL when set; otherwise a private cluster under `dir`, stopped with us. */
export async function ensurePostgres(options: { dir: string }): Promise<Service> {
  const external = process.env.TEST_DATABASE_URL
  if (external) {
    say(`PostgreSQL: using TEST_DATABASE_URL ${safeUrl(external)}`)
    return { url: external, stop: async () => undefined }
  }
  const binDir = await requireTool('postgres')
  const runAs = asPostgresUser()
  const dir = path.resolve(options.dir)
  const dataDir = path.join(dir, 'data')
  const logFile = path.join(dir, 'postgres.log')
  prepareDir(dir, runAs)
  const pgCtl = path.join(binDir, 'pg_ctl')
  await run(runAs, path.join(binDir, 'initdb'), [
    ...['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
  ])

  for (let attempt = 0; ; attempt++) {
    const port = await findFreePort()
    const serverOptions = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
    try {
      await run(runAs, pgCtl, [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        dataDir,
        '-l',
        logFile,
        '-o',
        serverOptions,
      ])
    } catch (error) {
      const log = logTail(logFile)
      // Another process took the port between the lookup and the bind: try another.
      if (attempt < 2 && /could not bind|already in use/i.test(log)) continue
      throw new Error(`${error instanceof Error ? error.message : error}\n${log}`, { cause: error })
    }
    const stopArgs = ['stop', '-D', dataDir, '-t', '30']
    const forgetKill = onExitKill(() => {
      spawnSync(...commandLine(runAs, pgCtl, [...stopArgs, '-m', 'immediate']))
    })
    let stopping: Promise<void> | undefined
    const stop = () => {
      stopping ??= run(runAs, pgCtl, [...stopArgs, '-m', 'fast', '-w'])
        .then(() => undefined)
        .finally(() => {
          forgetKill()
          forgetHook()
        })
      return stopping
    }
    const forgetHook = onShutdown(stop)
    await run([], path.join(binDir, 'createdb'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      DATABASE,
    ])
    const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`
    say(`PostgreSQL: started ${url} (private, trust auth, fsync off)`)
    return { url, stop }
  }
}
