import { billingContract } from '../../../contracts/billing'
import type { AccountDirectory } from '../customers/directory'
import type { MetersState } from '../meters'
import type { PortDeps } from '../port'
import { Billing } from './billing'
import { billingRouter, type BillingState } from './routes'

export type { BillingState }
export { billingContract as contract }

/** Billing reads accounts from the CIS and prepaid balances from the meter platform. */
export function createState(
  deps: PortDeps,
  directory: AccountDirectory,
  meters: MetersState,
): BillingState {
  return {
    billing: new Billing(deps.config.seed, directory, meters.platform, deps.clock),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export const router = billingRouter
