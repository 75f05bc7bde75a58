export interface AlipayIdentity {
  /** `open_id` for apps created since 2023, else the `2088…` user id. */
  subject: string
}

export interface AlipayAuthPort {
  /** Null when the auth code is invalid, expired or used. */
  exchangeAuthCode(authCode: string): Promise<AlipayIdentity | null>
}

export interface AlipayTemplateMessage {
  /** The user's identity subject: an `open_id`, or a `2088…` user id. */
  toUser: string
  templateId: string
  /** The mini-program page the message opens, with its query. */
  page: string
  /** Keyword → value, e.g. `{ keyword1: '2026年10月燃气费' }`. */
  data: Record<string, string>
}

/** `refused`: Alipay would not deliver it (no subscription, template not granted): not retried. */
export type AlipaySendResult = 'sent' | 'refused'

/** Mini-program subscription messages (订阅消息) to a user who agreed to the template. */
export interface AlipayMessagesPort {
  send(message: AlipayTemplateMessage): Promise<AlipaySendResult>
}
