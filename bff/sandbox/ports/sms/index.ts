import { smsContract } from '../../../contracts/sms'
import type { PortDeps } from '../port'
import { SmsOutbox } from './outbox'
import { smsRouter, type SmsState } from './routes'

export type { SmsState }
export { smsContract as contract }

export function createState(deps: PortDeps): SmsState {
  return { outbox: new SmsOutbox(deps.clock), devEndpoints: deps.config.nodeEnv !== 'production' }
}

export const router = smsRouter
