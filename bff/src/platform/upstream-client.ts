import CircuitBreaker from 'opossum'
import { Agent, request } from 'undici'
import type { z } from 'zod'
import {
  ConcurrencyLimit,
  ConcurrencyLimitError,
  type ConcurrencyLimits,
} from './concurrency-limit'
import type { Logger } from './logger'
import type { Metrics } from './metrics'
import { currentRequestId } from './request-id'

/**
 * Typed upstream failure. Adapters translate `rejected` (a business answer such as "not found")
 * into domain results; everything else becomes a 5xx envelope through the error middleware.
 * `saturated`: the port's concurrency limit turned the call away before it was sent.
 */
export class UpstreamError extends Error {
  constructor(
    readonly port: string,
    readonly kind:
      'timeout' | 'unavailable' | 'circuit_open' | 'saturated' | 'bad_response' | 'rejected',
    message: string,
    readonly status?: number,
    readonly upstreamCode?: string,
    options?: { cause?: unknown },
  ) {
    super(`${port}: ${message}`, options)
    this.name = 'UpstreamError'
  }
}

interface UpstreamCall<T> {
  operation: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  /**
   * A POST is retried only when it carries an idempotency key the upstream honours;
   * GET, PUT and DELETE are idempotent by contract.
   */
  idempotencyKey?: string
  response: z.ZodType<T>
  timeoutMs?: number
}

interface UpstreamClientOptions {
  port: string
  baseUrl: string
  timeoutMs: number
  /** Connections per origin, idle keep-alive and connect timeout; defaults as in config. */
  pool?: { connections?: number; keepAliveMs?: number; connectTimeoutMs?: number }
  retries?: number
  retryBaseDelayMs?: number
  breaker?: { errorThresholdPercentage?: number; resetTimeoutMs?: number; volumeThreshold?: number }
  /** Bounds the requests in flight to this port and those waiting for a slot; none when absent. */
  concurrency?: ConcurrencyLimits
  logger: Logger
  metrics: Metrics
}

const RETRYABLE_STATUS = new Set([502, 503, 504])
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface RawResponse {
  status: number
  body: unknown
}

/**
 * A call whose caller needs the exact bytes and headers (signed answers: WeChat Pay, Alipay):
 * the body is sent as given, and every answer below 500 is handed back unparsed.
 */
interface UpstreamTextCall {
  operation: string
  method: 'GET' | 'POST'
  /** Path with its query string, exactly as signed. */
  pathAndQuery: string
  headers?: Record<string, string>
  body?: string
  /** Whether a repeat is harmless (GET, or a POST the upstream de-duplicates). */
  idempotent: boolean
  timeoutMs?: number
}

interface UpstreamText {
  status: number
  headers: Record<string, string>
  text: string
}

/** A binary answer (bill files: gzip, zip), byte for byte. */
interface UpstreamBytes {
  status: number
  headers: Record<string, string>
  bytes: Buffer
}

export class UpstreamClient {
  private readonly agent: Agent
  private readonly breaker: CircuitBreaker<[() => Promise<RawResponse>], RawResponse>
  private readonly limit: ConcurrencyLimit | undefined

  constructor(private readonly options: UpstreamClientOptions) {
    const { breaker = {}, port, metrics, pool = {} } = options
    this.agent = new Agent({
      keepAliveTimeout: pool.keepAliveMs ?? 10_000,
      connections: pool.connections ?? 128,
      connect: { timeout: pool.connectTimeoutMs ?? 10_000 },
    })
    this.limit = options.concurrency ? new ConcurrencyLimit(options.concurrency) : undefined
    this.breaker = new CircuitBreaker((attempt: () => Promise<RawResponse>) => attempt(), {
      // Our own per-attempt timeout is authoritative; opossum's would double-count.
      timeout: false,
      errorThresholdPercentage: breaker.errorThresholdPercentage ?? 50,
      resetTimeout: breaker.resetTimeoutMs ?? 10_000,
      volumeThreshold: breaker.volumeThreshold ?? 10,
      rollingCountTimeout: 10_000,
      // A business rejection (4xx) is a healthy upstream answering; it must not open the breaker.
      errorFilter: (err: unknown) => err instanceof UpstreamError && err.kind === 'rejected',
    })
    this.breaker.on('open', () => {
      metrics.breakerState.set({ port }, 1)
      options.logger.warn({ port }, 'upstream circuit opened')
    })
    this.breaker.on('close', () => metrics.breakerState.set({ port }, 0))
  }

  get port(): string {
    return this.options.port
  }

  get isOpen(): boolean {
    return this.breaker.opened
  }

  async call<T>(call: UpstreamCall<T>): Promise<T> {
    const retryable =
      call.method !== 'POST' && call.method !== 'PATCH' ? true : !!call.idempotencyKey
    return this.withRetries(call.operation, retryable, async () =>
      this.parse(call, await this.fireJson(call)),
    )
  }

  /** Like `call`, with timeout, retries, breaker and metrics, but raw text in and out. */
  async callText(call: UpstreamTextCall): Promise<UpstreamText> {
    return this.withRetries(
      call.operation,
      call.idempotent,
      async () => (await this.fireText(call)).body as UpstreamText,
    )
  }

  /** Like `callText` for binary answers: the body is not decoded. */
  async callBytes(call: UpstreamTextCall): Promise<UpstreamBytes> {
    return this.withRetries(call.operation, call.idempotent, async () => {
      const answer = (await this.fireText(call, true)).body as UpstreamText & { bytes: Buffer }
      return { status: answer.status, headers: answer.headers, bytes: answer.bytes }
    })
  }

  /**
   * Retries transient failures (timeouts, unavailability) of idempotent calls with exponential
   * backoff and jitter, and records one duration per call with its outcome.
   */
  private async withRetries<T>(
    operation: string,
    retryable: boolean,
    attemptOnce: () => Promise<T>,
  ): Promise<T> {
    const maxAttempts = retryable ? 1 + (this.options.retries ?? 2) : 1
    const started = process.hrtime.bigint()
    let outcome = 'ok'
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await attemptOnce()
        } catch (err) {
          const transient =
            err instanceof UpstreamError && (err.kind === 'timeout' || err.kind === 'unavailable')
          if (!transient || attempt >= maxAttempts) throw err
          this.options.metrics.upstreamRetries.inc({ port: this.port, operation })
          const base = this.options.retryBaseDelayMs ?? 100
          await sleep(base * 2 ** (attempt - 1) + Math.floor(Math.random() * base))
        }
      }
    } catch (err) {
      outcome = err instanceof UpstreamError ? err.kind : 'error'
      throw err
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      this.options.metrics.upstreamRequests.observe(
        { port: this.port, operation, outcome },
        seconds,
      )
    }
  }

  async close(): Promise<void> {
    this.breaker.shutdown()
    await this.agent.close()
  }

  private fireText(call: UpstreamTextCall, binary = false): Promise<RawResponse> {
    return this.fire(async () => {
      const answer = await this.send(
        call.method,
        call.pathAndQuery,
        call.headers ?? {},
        call.body,
        call.timeoutMs,
        binary,
      )
      return { status: answer.status, body: answer }
    })
  }

  private fireJson<T>(call: UpstreamCall<T>): Promise<RawResponse> {
    return this.fire(() => this.attemptJson(call))
  }

  /**
   * One attempt through the port's concurrency limit, then the circuit breaker; whatever fails
   * leaves as a typed UpstreamError. The slot is taken per attempt, so a retry's backoff holds
   * none, and a call turned away by the limit never reaches the breaker's statistics.
   */
  private async fire(attempt: () => Promise<RawResponse>): Promise<RawResponse> {
    try {
      const viaBreaker = () => this.breaker.fire(attempt)
      return await (this.limit ? this.limit.run(viaBreaker) : viaBreaker())
    } catch (err) {
      if (err instanceof UpstreamError) throw err
      if (err instanceof ConcurrencyLimitError) {
        throw new UpstreamError(this.port, 'saturated', err.message, undefined, undefined, {
          cause: err,
        })
      }
      const open =
        this.breaker.opened || (err instanceof Error && /breaker is open/i.test(err.message))
      throw new UpstreamError(
        this.port,
        open ? 'circuit_open' : 'unavailable',
        open ? 'circuit open' : 'call failed',
        undefined,
        undefined,
        { cause: err },
      )
    }
  }

  /** Sends one request and reads the whole answer; timeouts, refused connections and 5xx throw. */
  private async send(
    method: UpstreamCall<unknown>['method'],
    target: string | URL,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMsOverride: number | undefined,
    binary = false,
  ): Promise<UpstreamText & { bytes?: Buffer }> {
    const url = new URL(target, this.options.baseUrl)
    const timeoutMs = timeoutMsOverride ?? this.options.timeoutMs
    const signal = AbortSignal.timeout(timeoutMs)
    // The resident's request id goes with every call made for it, so the upstream's logs and
    // ours meet; a caller's own header (a signed request) is left as it is.
    const requestId = currentRequestId()
    if (requestId && !('x-request-id' in headers))
      headers = { ...headers, 'x-request-id': requestId }
    let res
    let text = ''
    let bytes: Buffer | undefined
    try {
      res = await request(url, { method, headers, body, dispatcher: this.agent, signal })
      if (binary) bytes = Buffer.from(await res.body.arrayBuffer())
      else text = await res.body.text()
    } catch (err) {
      // undici reports an aborted request under several error names; the signal is the truth.
      const timedOut = signal.aborted
      throw new UpstreamError(
        this.port,
        timedOut ? 'timeout' : 'unavailable',
        timedOut ? `no answer within ${timeoutMs} ms` : 'connection failed',
        undefined,
        undefined,
        { cause: err },
      )
    }
    if (res.statusCode >= 500 || RETRYABLE_STATUS.has(res.statusCode)) {
      throw new UpstreamError(this.port, 'unavailable', `status ${res.statusCode}`, res.statusCode)
    }
    const answerHeaders: Record<string, string> = {}
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) answerHeaders[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v
    }
    return { status: res.statusCode, headers: answerHeaders, text, ...(bytes ? { bytes } : {}) }
  }

  private async attemptJson<T>(call: UpstreamCall<T>): Promise<RawResponse> {
    const url = new URL(call.path, this.options.baseUrl)
    for (const [k, v] of Object.entries(call.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v))
    }
    const headers: Record<string, string> = { accept: 'application/json' }
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body)
    const answer = await this.send(call.method, url, headers, payload, call.timeoutMs)
    let body: unknown
    try {
      body = answer.text.length ? JSON.parse(answer.text) : undefined
    } catch (err) {
      throw new UpstreamError(
        this.port,
        'bad_response',
        'unreadable body',
        answer.status,
        undefined,
        {
          cause: err,
        },
      )
    }
    if (answer.status >= 400) {
      const code =
        body && typeof body === 'object' && 'code' in body && typeof body.code === 'string'
          ? body.code
          : undefined
      throw new UpstreamError(this.port, 'rejected', `status ${answer.status}`, answer.status, code)
    }
    return { status: answer.status, body }
  }

  private parse<T>(call: UpstreamCall<T>, raw: RawResponse): T {
    const parsed = call.response.safeParse(raw.body)
    if (!parsed.success) {
      throw new UpstreamError(
        this.port,
        'bad_response',
        `${call.operation}: response off contract`,
        raw.status,
      )
    }
    return parsed.data
  }
}
