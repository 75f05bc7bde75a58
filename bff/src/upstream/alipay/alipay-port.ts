export interface AlipayIdentity {
  /** `open_id` for apps created since 2023, else the `2088…` user id. */
  subject: string
}

export interface AlipayAuthPort {
  /** Null when the auth code is invalid, expired or used. */
  exchangeAuthCode(authCode: string): Promise<AlipayIdentity | null>
}
