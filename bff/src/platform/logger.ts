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
  'smsCode',
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
  // Where a one-time code travels under the generic name `code`: the SMS gateway's template
  // parameters and the login request bodies (SMS, WeChat and Alipay codes). A bare `code` stays:
  // it is an error code, which a diagnosis needs.
  'params.code',
  '*.params.code',
  'body.code',
  '*.body.code',
]

// Free text (URLs, upstream messages) may still carry a phone or ID number: mask the patterns too.
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g

function scrubText(text: string): string {
  return text.replace(ID_NUMBER, '[id]').replace(MOBILE, '[phone]')
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1))
  if (value instanceof Date) return value
  // An Error's message and stack are not own enumerable properties: serialise it first (type,
  // message and stack with their causes, code and the other fields), or it logs as {}. Its
  // `name` is the type again, and would only show as redacted (a person's name shares the key).
  const source = value instanceof Error ? withoutName(pino.stdSerializers.err(value)) : value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(source)) out[k] = scrubDeep(v, depth + 1)
  return out
}

function withoutName(err: object): Record<string, unknown> {
  const { name: _type, ...rest } = err as Record<string, unknown>
  return rest
}

/** `log.error(err)` makes the error's message the line's message, past the scrubber. */
function withMessage(args: unknown[]): unknown[] {
  const [first] = args
  if (args.length !== 1 || first === null || typeof first !== 'object') return args
  const err = first instanceof Error ? first : (first as { err?: unknown }).err
  return err instanceof Error && !('msg' in first) ? [first, err.message] : args
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
          const scrubbed = withMessage(args).map((a) => (typeof a === 'string' ? scrubText(a) : a))
          return method.apply(this, scrubbed as Parameters<typeof method>)
        },
      },
      // The log formatter has already serialised errors; pino's own would see a plain object
      // with a message and rename its type to "Object".
      serializers: { err: (err: unknown) => err },
    },
    destination,
  )
}

export type { Logger }
