import { metersContract } from '../../../contracts/meters'
import type { AccountDirectory } from '../customers/directory'
import type { PortDeps } from '../port'
import { MeterPlatform } from './platform'
import { metersRouter, type MetersState } from './routes'

export type { MetersState }
export { metersContract as contract }

export function createState(deps: PortDeps, directory: AccountDirectory): MetersState {
  return {
    platform: new MeterPlatform(deps.config.seed, directory, deps.clock),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export const router = metersRouter
