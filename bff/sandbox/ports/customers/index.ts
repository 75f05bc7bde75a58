import { customersContract } from '../../../contracts/customers'
import type { PortDeps } from '../port'
import { ChangeDesk } from './changes'
import { AccountDirectory } from './directory'
import { customersRouter, type CustomersState } from './routes'

export type { CustomersState }
export type { AccountLedger } from './changes'
export { customersContract as contract }

export function createState(deps: PortDeps): CustomersState {
  const directory = new AccountDirectory(deps.config.seed, deps.config.accounts)
  return {
    directory,
    changes: new ChangeDesk(directory, deps.clock),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export const router = customersRouter
