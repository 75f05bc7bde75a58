import { SandboxClock } from '../clock'
import { startSandbox, type Running } from './helpers'

/**
 * The core-system tests run on a sandbox whose real-time source stands still, so only the
 * sandbox clock moves time: the seed's anchor is 2026-11-26 and every answer is repeatable.
 */
export const FIXED_NOW = Date.parse('2026-11-26T10:00:00+08:00')

export async function startFixed(
  accounts = 50,
): Promise<Running & { advance(ms: number): Promise<void> }> {
  const running = await startSandbox({
    config: { accounts, clockStart: new Date(FIXED_NOW) },
    clock: new SandboxClock(() => FIXED_NOW),
  })
  return {
    ...running,
    async advance(ms: number) {
      await running.http.post('/sandbox/clock').send({ advanceMs: ms }).expect(200)
    },
  }
}

/** Parsing strips unknown fields, so equality also catches fields the contract does not name. */
export function expectConforms(schema: { parse(input: unknown): unknown }, body: unknown): void {
  expect(schema.parse(body)).toEqual(body)
}

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
