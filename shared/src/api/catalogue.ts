import { getAccount } from './accounts'
import { getAppInfo } from './app-info'
import type { RouteSpec } from './route'

/** Every BFF route. The BFF registers exactly these; the OpenAPI document lists exactly these. */
export const routes = { getAppInfo, getAccount } as const

export const allRoutes: readonly RouteSpec[] = Object.values(routes)
