import { z } from 'zod'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import { SmsThrottledError, type SmsNotice, type SmsPort, type SmsTemplate } from './sms-port'

const SendSmsResponse = z.object({ messageId: z.string() })

/** The SMS gateway (bff/contracts/sms.ts, POST /sms/v1/send). */
export class SmsHttpAdapter implements SmsPort {
  constructor(private readonly client: UpstreamClient) {}

  send(
    phone: string,
    template: SmsTemplate,
    params: { code: string },
    idempotencyKey: string,
  ): Promise<void> {
    // Lets the gateway drop a retried duplicate; a duplicate would carry the same code anyway.
    return this.post({ phone, template, params }, idempotencyKey)
  }

  sendNotice(phone: string, notice: SmsNotice, idempotencyKey: string): Promise<void> {
    return this.post({ phone, template: 'service_notice', params: notice }, idempotencyKey)
  }

  private async post(body: object, idempotencyKey: string): Promise<void> {
    try {
      await this.client.call({
        operation: 'sendSms',
        method: 'POST',
        path: '/sms/v1/send',
        body,
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
