import type { Logger } from 'pino'
import type { SandboxClock } from '../clock'
import type { SandboxConfig } from '../config'

/** What every port may use. Ports read time only through `clock`. */
export interface PortDeps {
  readonly config: SandboxConfig
  readonly clock: SandboxClock
  readonly logger: Logger
}
