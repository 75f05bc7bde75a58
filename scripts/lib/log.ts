import readline from 'node:readline'
import type { Readable } from 'node:stream'

const tty = process.stdout.isTTY === true && !process.env.NO_COLOR

function paint(code: string, text: string): string {
  return tty ? `\u001b[${code}m${text}\u001b[0m` : text
}

export const color = {
  dim: (t: string) => paint('2', t),
  bold: (t: string) => paint('1', t),
  red: (t: string) => paint('31', t),
  green: (t: string) => paint('32', t),
  yellow: (t: string) => paint('33', t),
  cyan: (t: string) => paint('36', t),
}

/** One short line saying what the script does next. */
export function say(message: string): void {
  console.log(`${color.cyan('▸')} ${message}`)
}

export function warn(message: string): void {
  console.warn(`${color.yellow('!')} ${message}`)
}

export function fail(message: string): void {
  console.error(`${color.red('✗')} ${message}`)
}

/** Calls `onLine` for each complete line of a child's stream. */
export function eachLine(stream: Readable, onLine: (line: string) => void): void {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine)
}

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}
const skipKeys = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v', 'name'])

function shortValue(value: unknown): string | undefined {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return String(value)
  }
  if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
    return value.message
  }
  return undefined
}

/**
 * Turns a pino JSON line into "INFO message key=value…" so `npm start` reads like a console,
 * not a log pipeline; anything else passes through unchanged. Only top-level scalar fields
 * are shown: the BFF's redaction has already run on them.
 */
export function prettyLogLine(line: string): string {
  if (!line.startsWith('{')) return line
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch {
    return line
  }
  if (typeof record !== 'object' || record === null || !('level' in record)) return line
  const fields = record as Record<string, unknown>
  const level = typeof fields.level === 'number' ? levelNames[fields.level] : String(fields.level)
  const extras = Object.entries(fields)
    .filter(([key]) => !skipKeys.has(key))
    .map(([key, value]) => [key, shortValue(value)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${value}`)
  const text = [level ?? 'LOG', String(fields.msg ?? ''), ...extras].filter(Boolean).join(' ')
  if (level === 'ERROR' || level === 'FATAL') return color.red(text)
  if (level === 'WARN') return color.yellow(text)
  return text
}
