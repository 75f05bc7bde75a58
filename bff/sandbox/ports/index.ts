import type Router from '@koa/router'
import type { Contract } from '../../contracts/openapi'
import * as customers from './customers'
import type { PortName } from './names'
import type { PortDeps } from './port'

/**
 * The one place ports are registered. A new port is a folder under ports/ exporting
 * `createState`, `router` and (when it has one) `contract`, plus one line in each function
 * below. Later ports receive the states built before them (billing needs the customers
 * directory).
 */
export function createPortStates(deps: PortDeps) {
  const customersState = customers.createState(deps)
  return { customers: customersState }
}

export type PortStates = ReturnType<typeof createPortStates>

export function portRouters(states: PortStates): Router[] {
  return [customers.router(states.customers)]
}

export const portContracts: Partial<Record<PortName, Contract>> = {
  customers: customers.contract,
}
