import { say } from './log'
import { assertExecutable, requireTool } from './tools'

/*
 * The services `npm start` and `npm test` need, found or installed on a fresh Debian
 * machine. Each ensureX honours its env override first, so CI or a developer can point at
 * an existing server.
 */

export { findFreePort, isPortFree } from './ports'
export { ensurePostgres } from './postgres'
export { ensureRedis, safeUrl, type Service } from './redis'
export { installMissingTools, type Tool } from './tools'

/** CHROMIUM_PATH when set, else the Debian `chromium` binary (installed if missing). */
export async function ensureChromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH
  if (configured) return assertExecutable(configured, 'CHROMIUM_PATH')
  const found = await requireTool('chromium')
  say(`Chromium: ${found}`)
  return found
}
