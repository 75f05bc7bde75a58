import pino, { type Logger } from 'pino'
import type { SandboxConfig } from './config'

/**
 * JSON logs. Nothing logs personal data on purpose; the redaction is a second line of defence
 * should a record ever be passed to the logger.
 */
export function createLogger(level: SandboxConfig['logLevel']): Logger {
  const personal = ['holderName', 'phone', 'idNumber', 'address', 'phoneLast4']
  return pino({
    level,
    base: { service: 'core-sandbox' },
    redact: { paths: [...personal, ...personal.map((p) => `*.${p}`)], censor: '[redacted]' },
  })
}

export const silentLogger: Logger = pino({ level: 'silent' })
