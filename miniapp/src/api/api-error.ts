import { messageFor, type ClientErrorCode, type ErrorCode } from '@gh/shared'

/** A code of the BFF's error catalogue, or one the client raises when no usable answer came. */
export type ApiErrorCode = ErrorCode | ClientErrorCode

/** The one error type pages see: a code for programs, a Chinese message for residents. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly requestId: string | undefined
  readonly status: number | undefined
  readonly retryAfterSeconds: number | undefined

  constructor(init: {
    code: ApiErrorCode
    message?: string
    requestId?: string
    status?: number
    retryAfterSeconds?: number
  }) {
    super(init.message ?? messageFor(init.code))
    this.name = 'ApiError'
    this.code = init.code
    this.requestId = init.requestId
    this.status = init.status
    this.retryAfterSeconds = init.retryAfterSeconds
  }
}

const SESSION_CODES: ReadonlySet<ApiErrorCode> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED'])

/** True when the error means "log in (again)", so pages show the login state, not an error. */
export function isLoginError(err: unknown): boolean {
  return err instanceof ApiError && SESSION_CODES.has(err.code)
}

export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL' })
}
