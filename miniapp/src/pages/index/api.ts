import { routes } from '@gh/shared'
import { request } from '../../api'

/** 首页 of one bound account: every section answers on its own (ok or unavailable). */
export const getHome = (accountNo: string) => request(routes.getHome, { params: { accountNo } })
