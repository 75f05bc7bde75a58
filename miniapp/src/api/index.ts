import { tokenStore } from '../auth/session'
import { openPage, pages } from '../navigation/pages'
import { createApiClient } from './client'
import { createDownloader } from './download'
import { taroDownloadTransport, taroTransport } from './transport'
import { createUploader } from './upload'
import { uploadTransport } from './upload-transport'

export { ApiError, isLoginError, toApiError } from './api-error'
export type { ApiErrorCode } from './api-error'
export type { ApiRequest, RequestArgs } from './client'
export type { ApiDownload } from './download'
export type { ApiUpload, UploadArgs } from './upload'

/** H5 is served by the BFF itself; the mini-programs call the BFF's public address. */
const baseUrl = process.env.TARO_ENV === 'h5' ? '/api/v1' : API_BASE

const session = { tokens: tokenStore, onSessionExpired: () => openPage(pages.login) }

export const request = createApiClient({ baseUrl, transport: taroTransport, ...session })

/** Files (repair photos) to a multipart route; retried with the same key when interrupted. */
export const upload = createUploader({ baseUrl, transport: uploadTransport, ...session })

/** Files only the logged-in resident may see (repair photos), fetched with the session. */
export const download = createDownloader({ baseUrl, transport: taroDownloadTransport, ...session })
