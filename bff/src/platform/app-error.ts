import { messageFor, statusFor, type ErrorCode } from '@gh/shared'

/**
 * The one error type. `code` is for programs, the Chinese message for the user; the HTTP status
 * comes from the error catalogue, so the same code always answers the same status.
 * `isCatastrophic` marks errors after which the process should not keep serving (the error
 * middleware logs them at fatal level).
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly userMessage: string
  readonly isCatastrophic: boolean
  readonly retryAfterSeconds: number | undefined

  constructor(
    code: ErrorCode,
    options: {
      /** For logs: what went wrong, never personal data. */
      message?: string
      /** A more precise Chinese message than the catalogue's, for this case. */
      userMessage?: string
      cause?: unknown
      isCatastrophic?: boolean
      retryAfterSeconds?: number
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = statusFor(code)
    this.userMessage = options.userMessage ?? messageFor(code)
    this.isCatastrophic = options.isCatastrophic ?? false
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

export const errors = {
  validation: (detail: string) =>
    new AppError('VALIDATION_FAILED', { message: detail, userMessage: detail }),
  unauthenticated: () => new AppError('UNAUTHENTICATED'),
  sessionExpired: () => new AppError('SESSION_EXPIRED'),
  accountNotBound: () => new AppError('ACCOUNT_NOT_BOUND'),
  notFound: () => new AppError('NOT_FOUND'),
  idempotencyKeyRequired: () => new AppError('IDEMPOTENCY_KEY_REQUIRED'),
}
