import { customersContract } from '../../../contracts/customers'
import type { PortDeps } from '../port'
import { AccountDirectory } from './directory'
import { customersRouter, type CustomersState } from './routes'

export type { CustomersState }
export { customersContract as contract }

export function createState(deps: PortDeps): CustomersState {
  return { directory: new AccountDirectory(deps.config.seed, deps.config.accounts) }
}

export const router = customersRouter
