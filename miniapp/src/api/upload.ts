import type { RouteParams, RouteResult, RouteSpec } from '@gh/shared'
import { ApiError, isLoginError } from './api-error'
import { buildUrl, errorFromResponse, randomKey, sessionGuard } from './client'
import type { ApiClientDeps, HttpResponse } from './client'

export interface UploadRequest {
  url: string
  filePath: string
  /** The multipart field that carries the file. */
  field: string
  headers: Record<string, string>
  /** 0–100 while the bytes go out. */
  onProgress?: (percent: number) => void
}

/** Sends one multipart upload; rejects only when no response arrived (offline, timeout, abort). */
export type UploadTransport = (request: UploadRequest) => Promise<HttpResponse>

export interface UploaderDeps extends Pick<
  ApiClientDeps,
  'baseUrl' | 'tokens' | 'onSessionExpired' | 'newIdempotencyKey'
> {
  transport: UploadTransport
  /** Tries of one upload in all when it is interrupted (no answer, or a gateway gave up). */
  attempts?: number
  /** Waits before the n-th retry (1-based). */
  pause?: (retry: number) => Promise<void>
}

export interface UploadArgs<S extends RouteSpec> {
  params: RouteParams<S>
  /** A local file: a temp path in the mini-programs, a blob: URL on H5. */
  filePath: string
  /** The form field; the route's own (`spec.upload.field`) when left out. */
  field?: string
  /** Reuse the key when the resident retries the same photo, so the BFF stores it once. */
  idempotencyKey?: string
  onProgress?: (percent: number) => void
}

export type ApiUpload = <S extends RouteSpec>(
  spec: S,
  args: UploadArgs<S>,
) => Promise<RouteResult<S>>

/** Statuses that say the upload did not get through, so sending it again is the cure. */
const INTERRUPTED = new Set([502, 503, 504])

const defaultPause = (retry: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, 1000 * retry * retry))

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

/**
 * Uploads a file to a multipart route with the session token and an Idempotency-Key. An
 * interrupted upload is sent again with the same key (the BFF stores the photo once); errors
 * arrive as ApiError, like the JSON client's.
 */
export function createUploader(deps: UploaderDeps): ApiUpload {
  const newKey = deps.newIdempotencyKey ?? randomKey
  const attempts = Math.max(1, deps.attempts ?? 3)
  const pause = deps.pause ?? defaultPause
  const session = sessionGuard(deps)

  async function upload<S extends RouteSpec>(
    spec: S,
    args: UploadArgs<S>,
  ): Promise<RouteResult<S>> {
    const params = spec.params.safeParse(args.params)
    if (!params.success) throw new ApiError({ code: 'VALIDATION_FAILED' })
    const token = spec.auth === 'public' ? undefined : session.token()
    if (spec.auth === 'user' && token === undefined) throw new ApiError({ code: 'UNAUTHENTICATED' })

    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Idempotency-Key': args.idempotencyKey ?? newKey(),
    }
    if (token !== undefined) headers.Authorization = `Bearer ${token}`
    const request: UploadRequest = {
      url: buildUrl(deps.baseUrl, spec.path, params.data as object, {}),
      filePath: args.filePath,
      field: args.field ?? spec.upload?.field ?? 'file',
      headers,
      ...(args.onProgress ? { onProgress: args.onProgress } : {}),
    }

    let failure = new ApiError({ code: 'NETWORK_ERROR' })
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        await pause(attempt - 1)
        args.onProgress?.(0)
      }
      let res: HttpResponse
      try {
        res = await deps.transport(request)
      } catch {
        failure = new ApiError({ code: 'NETWORK_ERROR' })
        continue
      }
      const data = parseBody(res.data)
      if (res.statusCode >= 200 && res.statusCode < 300) {
        const parsed = spec.response.safeParse(data)
        if (!parsed.success) {
          throw new ApiError({ code: 'INVALID_RESPONSE', requestId: res.headers?.['x-request-id'] })
        }
        return parsed.data as RouteResult<S>
      }
      const err = errorFromResponse({ ...res, data })
      if (res.statusCode === 401 && isLoginError(err)) session.expired(token)
      if (!INTERRUPTED.has(res.statusCode)) throw err
      failure = err
    }
    throw failure
  }

  return upload as ApiUpload
}
