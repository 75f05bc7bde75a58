import type { PortDeps } from '../port'
import { CashierDesk } from './desk'
import { cashierRouter } from './routes'

export { CashierDesk }

/** The provider registry every payment port registers its `CashierProvider` in. */
export function createState(deps: PortDeps): CashierDesk {
  return new CashierDesk(deps.clock, deps.config.nodeEnv !== 'production')
}

export const router = cashierRouter
