import { TemplateMessageData, type TemplateMessageSendBiz } from '../../../contracts/alipay'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { invalidParameter } from './errors'

export interface AlipayTemplateMessage {
  /** The `to_open_id` or the `2088…` `to_user_id` the message went to. */
  readonly toUserId: string
  readonly templateId: string
  readonly page: string | null
  readonly data: Record<string, { value: string }>
  /** Sandbox time, ISO-8601 +08:00. */
  readonly sentAt: string
}

const KEEP = 5_000

/**
 * Subscription messages sent through `alipay.open.app.mini.templatemessage.send`, validated
 * like the gateway validates them and kept for tests to read. Every user counts as subscribed.
 */
export class AlipayTemplateMessages {
  private readonly sent: AlipayTemplateMessage[] = []

  constructor(private readonly clock: SandboxClock) {}

  send(biz: TemplateMessageSendBiz): AlipayTemplateMessage {
    let data: unknown
    try {
      data = JSON.parse(biz.data)
    } catch {
      throw invalidParameter('参数无效：data 不是合法的 JSON')
    }
    const parsed = TemplateMessageData.safeParse(data)
    if (!parsed.success) throw invalidParameter('参数无效：data 应为 {"keyword1":{"value":"…"}}')
    const message: AlipayTemplateMessage = {
      toUserId: biz.to_open_id ?? biz.to_user_id ?? '',
      templateId: biz.user_template_id,
      page: biz.page ?? null,
      data: parsed.data,
      sentAt: toShanghaiIso(this.clock.nowMs()),
    }
    this.sent.push(message)
    if (this.sent.length > KEEP) this.sent.splice(0, this.sent.length - KEEP)
    return message
  }

  /** Oldest first; only the messages of one user when named. */
  list(toUserId?: string): AlipayTemplateMessage[] {
    return this.sent.filter((m) => toUserId === undefined || m.toUserId === toUserId)
  }
}
