import { z } from 'zod'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import { SmsThrottledError, type SmsPort, type SmsTemplate } from './sms-port'

const SendSmsResponse = z.object({ messageId: z.string() })

/** The SMS gateway (bff/contracts/sms.ts, POST /sms/v1/send). */
export class SmsHttpAdapter implements SmsPort {
  constructor(private readonly client: UpstreamClient) {}

  async send(
    phone: string,
    template: SmsTemplate,
    params: { code: string },
    idempotencyKey: string,
  ): Promise<void> {
    try {
      await this.client.call({
        operation: 'sendSms',
        method: 'POST',
        path: '/sms/v1/send',
        body: { phone, template, params },
        // Lets the gateway drop a retried duplicate; a duplicate would carry the same code anyway.
        idempotencyKey,
        response: SendSmsResponse,
      })
    } catch (err) {
      if (err instanceof UpstreamError && err.kind === 'rejected' && err.status === 429) {
        throw new SmsThrottledError()
      }
      throw err
    }
  }
}
