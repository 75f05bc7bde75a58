import { z } from 'zod'
import { AppError } from './app-error'
import { UpstreamError, type UpstreamClient } from './upstream-client'

/**
 * The core sandbox's GET /sandbox/credentials (the keys it makes at start-up), read once per
 * process for every adapter that falls back to it, and never in production. Each reader parses
 * the part it needs with its own schema.
 */
export class SandboxCredentials {
  private pending: Promise<unknown> | undefined

  constructor(
    private readonly production: boolean,
    private readonly client: UpstreamClient | undefined,
  ) {}

  async read<T>(schema: z.ZodType<T>, what: string): Promise<T> {
    const client = this.client
    if (this.production || !client) {
      throw new AppError('UPSTREAM_UNAVAILABLE', {
        message: `${what} credentials are not configured`,
      })
    }
    this.pending ??= client
      .call({
        operation: 'credentials',
        method: 'GET',
        path: '/sandbox/credentials',
        response: z.unknown(),
      })
      .catch((err: unknown) => {
        // Not cached: the sandbox may simply not be up yet.
        this.pending = undefined
        throw err
      })
    const parsed = schema.safeParse(await this.pending)
    if (!parsed.success) {
      throw new UpstreamError('sandbox', 'bad_response', `${what} credentials off contract`)
    }
    return parsed.data
  }
}
