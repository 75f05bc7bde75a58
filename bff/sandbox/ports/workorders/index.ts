import { workordersContract } from '../../../contracts/workorders'
import type { AccountDirectory } from '../customers/directory'
import type { PortDeps } from '../port'
import type Router from '@koa/router'
import { WorkOrderDesk } from './desk'
import { InspectionDesk, inspectionsRouter } from './inspections'
import { workordersRouter, type WorkOrdersState } from './routes'
import { SlotBook } from './slots'
import { seedTechnicians } from './technicians'

export { workordersContract as contract }

export type State = WorkOrdersState & { readonly inspections: InspectionDesk }

export function createState(deps: PortDeps, directory: AccountDirectory): State {
  // Repairs and inspections send the same district crews, so they share one visit calendar.
  const slots = new SlotBook(deps.config.seed)
  return {
    desk: new WorkOrderDesk(deps.clock, directory, seedTechnicians(deps.config.seed), slots),
    inspections: new InspectionDesk(deps.clock, directory, slots, deps.config.seed),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export function router(state: State): Router {
  const router = workordersRouter(state)
  router.use(inspectionsRouter(state.inspections, state.devEndpoints).routes())
  return router
}
