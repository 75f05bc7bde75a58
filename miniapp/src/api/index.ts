import { tokenStore } from '../auth/session'
import { openPage, pages } from '../navigation/pages'
import { createApiClient } from './client'
import { taroTransport } from './transport'

export { ApiError, isLoginError, toApiError } from './api-error'
export type { ApiErrorCode } from './api-error'
export type { ApiRequest, RequestArgs } from './client'

/** H5 is served by the BFF itself; the mini-programs call the BFF's public address. */
const baseUrl = process.env.TARO_ENV === 'h5' ? '/api/v1' : API_BASE

export const request = createApiClient({
  baseUrl,
  transport: taroTransport,
  tokens: tokenStore,
  onSessionExpired: () => openPage(pages.login),
})
