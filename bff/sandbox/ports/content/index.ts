import { contentContract } from '../../../contracts/content'
import { dayOf } from '../meters/days'
import type { PortDeps } from '../port'
import { NoticeDesk } from './dev-notices'
import { seedNotices } from './notices'
import { contentRouter, type ContentState } from './routes'

export type { ContentState }
export { contentContract as contract }

export function createState(deps: PortDeps): ContentState {
  const anchorDay = dayOf(deps.clock.nowMs())
  const notices = seedNotices(deps.config.seed, anchorDay)
  return {
    clock: deps.clock,
    notices,
    desk: new NoticeDesk(notices, deps.clock),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export const router = contentRouter
