/** What a wx.login code resolves to. `unionid` is present when the app is under an open account. */
export interface WechatIdentity {
  openid: string
  unionid: string | null
}

export interface WechatPort {
  /** Null when the code is invalid, expired or already used (the user just logs in again). */
  code2Session(code: string): Promise<WechatIdentity | null>
}

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** The mini-program page the message opens, with its query. */
  page: string
  data: Record<string, string>
}

/** 43101: the user has not (or no longer) subscribed: normal, not a failure. */
export type SendResult = 'sent' | 'not_subscribed'

/** Subscription messages (订阅消息) to a user who agreed to receive them. */
export interface SubscribeMessagesPort {
  send(message: SubscribeMessage): Promise<SendResult>
}

/** wxacode.getUnlimited's build of the mini-program to open. */
export type WxaEnvVersion = 'release' | 'trial' | 'develop'

export interface UnlimitedQrCodeRequest {
  /** What the mini-program reads on launch: at most 32 visible characters. */
  scene: string
  /** The page to open, without a leading slash or a query, e.g. `pages/bind/index`. */
  page: string
  envVersion: WxaEnvVersion
}

/** Mini-program codes (小程序码) for any number of scenes. */
export interface WxaCodePort {
  /** The code as PNG bytes. Throws an UpstreamError when WeChat refuses (the errcode says why). */
  getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<Buffer>
}
