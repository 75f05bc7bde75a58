import { createAlipayState, type AlipayShared, type AlipayState } from './state'
import type { PortDeps } from '../port'
import { alipayRouter } from './routes'

export type { AlipayState }
export { alipayCredentials as credentials } from './credentials'

export function createState(deps: PortDeps, shared: AlipayShared): AlipayState {
  return createAlipayState(deps, shared)
}

export const router = alipayRouter
