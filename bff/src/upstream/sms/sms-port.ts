/**
 * Templates registered with the SMS provider; the text itself lives there, not here.
 * `bind_code` confirms binding an account (户号) and goes to that account's reserved phone.
 */
export type SmsTemplate = 'login_code' | 'bind_code'

/** The gateway refused because this phone got a message too recently (carriers' own limit). */
export class SmsThrottledError extends Error {
  constructor() {
    super('sms gateway throttled the phone')
    this.name = 'SmsThrottledError'
  }
}

/** A notice about an account, in the carrier-registered `service_notice` template. */
export interface SmsNotice {
  /** At most 20 characters: 账单提醒, 停气通知. */
  title: string
  /** The masked account number. */
  account: string
  /** At most 70 characters: what happened and what to do. */
  detail: string
}

export interface SmsPort {
  /** Resolves once the provider accepted the message; SmsThrottledError when it throttles. */
  send(
    phone: string,
    template: SmsTemplate,
    params: { code: string },
    idempotencyKey: string,
  ): Promise<void>
  /**
   * Sends a notice; the gateway drops a repeat with the same idempotency key. SmsThrottledError
   * when the carrier throttles the phone.
   */
  sendNotice(phone: string, notice: SmsNotice, idempotencyKey: string): Promise<void>
}
