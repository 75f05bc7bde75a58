import type { ProviderName } from '../upstream/payment-providers/payment-providers-port'

/** Timings of the payment core. Defaults suit production; tests shorten them. */
export interface PaymentSettings {
  /** time_expire of a provider order: unpaid after this, it is closed. */
  orderTtlMs: number
  /**
   * Unpaid orders an account may have open at once (any payer): unpaid orders hold part of
   * the daily limit until they expire, so without a cap anyone able to order could use it up.
   */
  maxOpenOrdersPerAccount: number
  /**
   * How long order creation waits for the account's facts while it holds the account's lock;
   * stays under that lock's TTL (10 s, container.ts).
   */
  accountFactsTimeoutMs: number
  /** Waits between provider queries while no notification has come, then repeats the last. */
  pollDelaysMs: number[]
  /**
   * A payment not credited within this is refunded automatically. Counted, like the meter watch,
   * from when we recorded it paid, on our clock: never from the provider's reported paid time.
   */
  creditDeadlineMs: number
  /** Backoff of credit/refund retries: base × 2^tries, capped, with jitter. */
  retryBaseMs: number
  retryMaxMs: number
  /** A credit queued for an online IoT meter is checked at most this far apart… */
  meterPollMs: number
  /** …for this long after payment; then the usual backoff. */
  meterWatchWindowMs: number
  /** How often an IC order waiting for its card write is checked, and for how long. */
  cardWritePollMs: number
  cardWriteWatchMs: number
  /** The sweep re-enqueues jobs of orders left untouched this long (a lost enqueue, a crash). */
  sweepEveryMs: number
  sweepStaleMs: number
  /** Queue name prefix; instances sharing a database share it. */
  queueNamespace: string
  /** The provider behind the H5 cashier. */
  h5Provider: ProviderName
}

export const defaultPaymentSettings: PaymentSettings = {
  orderTtlMs: 15 * 60_000,
  maxOpenOrdersPerAccount: 3,
  accountFactsTimeoutMs: 6_000,
  pollDelaysMs: [15_000, 45_000, 120_000, 300_000],
  creditDeadlineMs: 24 * 3600_000,
  retryBaseMs: 2_000,
  retryMaxMs: 10 * 60_000,
  meterPollMs: 10_000,
  meterWatchWindowMs: 30 * 60_000,
  cardWritePollMs: 10 * 60_000,
  cardWriteWatchMs: 30 * 24 * 3600_000,
  sweepEveryMs: 60_000,
  sweepStaleMs: 5 * 60_000,
  queueNamespace: 'pay',
  h5Provider: 'wechatpay',
}
