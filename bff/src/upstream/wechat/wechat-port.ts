/** What a wx.login code resolves to. `unionid` is present when the app is under an open account. */
export interface WechatIdentity {
  openid: string
  unionid: string | null
}

export interface WechatPort {
  /** Null when the code is invalid, expired or already used (the user just logs in again). */
  code2Session(code: string): Promise<WechatIdentity | null>
}
