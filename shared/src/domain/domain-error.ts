/**
 * Codes of the errors that the domain functions throw. Every guard and parser in `domain/`
 * throws (never returns a Result), so a caller handles bad input in one way everywhere.
 */
export type DomainErrorCode =
  | 'INVALID_AMOUNT'
  | 'INVALID_YUAN_STRING'
  | 'AMOUNT_OVERFLOW'
  | 'INVALID_ALLOCATION'
  | 'INVALID_VOLUME'
  | 'INVALID_AREA'
  | 'INVALID_PRORATION'
  | 'INVALID_TARIFF'
  | 'INVALID_NUMBER'
  | 'INVALID_DATE'

/**
 * Thrown on input that breaks a domain rule. The message names the rule, never the offending
 * value, because the value may be personal data and messages end up in logs.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode

  constructor(code: DomainErrorCode, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }
}

export function isDomainError(e: unknown, code?: DomainErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code)
}
