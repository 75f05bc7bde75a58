import { messageFor, type ErrorCode } from '@gh/shared'

/**
 * The one error type. `code` is for programs, the Chinese message for the user; `isCatastrophic`
 * marks errors after which the process should not keep serving (the error middleware logs them
 * at fatal level).
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly userMessage: string
  readonly isCatastrophic: boolean
  readonly retryAfterSeconds: number | undefined

  constructor(
    code: ErrorCode,
    status: number,
    options: {
      message?: string
      userMessage?: string
      cause?: unknown
      isCatastrophic?: boolean
      retryAfterSeconds?: number
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = status
    this.userMessage = options.userMessage ?? messageFor(code)
    this.isCatastrophic = options.isCatastrophic ?? false
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

export const errors = {
  validation: (detail: string) =>
    new AppError('VALIDATION_FAILED', 400, { message: detail, userMessage: detail }),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 401),
  sessionExpired: () => new AppError('SESSION_EXPIRED', 401),
  accountNotBound: () => new AppError('ACCOUNT_NOT_BOUND', 403),
  notFound: () => new AppError('NOT_FOUND', 404),
  idempotencyKeyRequired: () => new AppError('IDEMPOTENCY_KEY_REQUIRED', 400),
}
