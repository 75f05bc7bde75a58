import type { RouteParams, RouteQuery, RouteSpec } from '@gh/shared'
import { ApiError } from './api-error'
import { buildUrl, errorFromResponse } from './client'
import type { ApiClientDeps } from './client'

export interface DownloadRequest {
  url: string
  headers: Record<string, string>
}

/** Fetches a file into local storage; rejects only when no response arrived. */
export type DownloadTransport = (
  request: DownloadRequest,
) => Promise<{ statusCode: number; filePath: string }>

export interface DownloadArgs<S extends RouteSpec> {
  params: RouteParams<S>
  query?: RouteQuery<S>
}

/** Resolves the local path of the file (a temp path, or a blob: URL on H5). */
export type ApiDownload = <S extends RouteSpec>(spec: S, args: DownloadArgs<S>) => Promise<string>

/**
 * Reads a file route that needs the session (a repair photo): an <Image> cannot send the
 * token, so the file is fetched with it and shown from the local copy.
 */
export function createDownloader(
  deps: Pick<ApiClientDeps, 'baseUrl' | 'tokens'> & { transport: DownloadTransport },
): ApiDownload {
  return async (spec, args) => {
    const params = spec.params.safeParse(args.params)
    const query = spec.query.safeParse(args.query ?? {})
    if (!params.success || !query.success) throw new ApiError({ code: 'VALIDATION_FAILED' })
    const token = deps.tokens.get()
    if (spec.auth === 'user' && token === undefined) throw new ApiError({ code: 'UNAUTHENTICATED' })
    const headers: Record<string, string> = {}
    if (token !== undefined) headers.Authorization = `Bearer ${token}`
    let res: { statusCode: number; filePath: string }
    try {
      res = await deps.transport({
        url: buildUrl(deps.baseUrl, spec.path, params.data as object, query.data as object),
        headers,
      })
    } catch {
      throw new ApiError({ code: 'NETWORK_ERROR' })
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return res.filePath
    // The body is a file on the phone now, not an envelope: the status tells what happened.
    throw errorFromResponse({ statusCode: res.statusCode, data: undefined })
  }
}
