import { workordersContract } from '../../../contracts/workorders'
import type { AccountDirectory } from '../customers/directory'
import type { PortDeps } from '../port'
import { WorkOrderDesk } from './desk'
import { workordersRouter, type WorkOrdersState } from './routes'
import { SlotBook } from './slots'
import { seedTechnicians } from './technicians'

export type { WorkOrdersState }
export { workordersContract as contract }

export function createState(deps: PortDeps, directory: AccountDirectory): WorkOrdersState {
  return {
    desk: new WorkOrderDesk(
      deps.clock,
      directory,
      seedTechnicians(deps.config.seed),
      new SlotBook(deps.config.seed),
    ),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export const router = workordersRouter
