import pino, { type Logger } from 'pino'

/** Keys whose values are personal data (PIPL) and never reach a log line. */
const PERSONAL_KEYS = [
  'name',
  'holderName',
  'phone',
  'mobile',
  'phoneLast4',
  'address',
  'idNumber',
  'idCard',
  'openid',
  'unionid',
  'token',
  'code',
  'authorization',
  'cookie',
  'password',
]

const redactPaths = [
  ...PERSONAL_KEYS.map((k) => k),
  ...PERSONAL_KEYS.map((k) => `*.${k}`),
  ...PERSONAL_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
]

// Free text (URLs, upstream messages) may still carry a phone or ID number: mask the patterns too.
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g

export function scrubText(text: string): string {
  return text.replace(ID_NUMBER, '[id]').replace(MOBILE, '[phone]')
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1)
  return out
}

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  base: Record<string, unknown> = { service: 'bff' },
): Logger {
  return pino(
    {
      level,
      base,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => scrubDeep(obj) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a))
          return method.apply(this, scrubbed as Parameters<typeof method>)
        },
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  )
}

export type { Logger }
