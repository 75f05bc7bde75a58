import { contentContract } from '../../../contracts/content'
import { dayOf } from '../meters/days'
import type { PortDeps } from '../port'
import { seedNotices } from './notices'
import { contentRouter, type ContentState } from './routes'

export type { ContentState }
export { contentContract as contract }

export function createState(deps: PortDeps): ContentState {
  const anchorDay = dayOf(deps.clock.nowMs())
  return { clock: deps.clock, notices: seedNotices(deps.config.seed, anchorDay) }
}

export const router = contentRouter
