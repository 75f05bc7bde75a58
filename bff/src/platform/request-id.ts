import { AsyncLocalStorage } from 'node:async_hooks'

const current = new AsyncLocalStorage<string>()

/**
 * Runs `work` with `requestId` as the id of whatever it calls, so the upstream client can send
 * it on and one id follows a resident's request through every system's logs.
 */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return current.run(requestId, work)
}

/** The id of the request this code runs for; undefined in jobs and at start-up. */
export function currentRequestId(): string | undefined {
  return current.getStore()
}
