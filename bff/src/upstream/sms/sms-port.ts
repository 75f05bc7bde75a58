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

export interface SmsPort {
  /** Resolves once the provider accepted the message; SmsThrottledError when it throttles. */
  send(
    phone: string,
    template: SmsTemplate,
    params: { code: string },
    idempotencyKey: string,
  ): Promise<void>
}
