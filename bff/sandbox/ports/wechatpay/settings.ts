import { z } from 'zod'

/** Knobs of the WeChat Pay peer, changed with POST /sandbox/wechatpay/settings. */
export const WechatPaySettings = z.object({
  /** Which key signs responses and notifications, named in Wechatpay-Serial. */
  serialMode: z.enum(['platform_certificate', 'public_key']),
  /** How long a refund stays PROCESSING before SUCCESS, scaled like notification retries. */
  refundDelayMs: z.number().int().min(0).max(3_600_000),
  /** The merchant's available balance for refunds; null: unlimited. Over it: 403 NOT_ENOUGH. */
  balanceFen: z.number().int().min(0).nullable(),
})
export type WechatPaySettings = z.infer<typeof WechatPaySettings>

export const SettingsUpdate = WechatPaySettings.partial().strict()

export const defaultSettings = (): WechatPaySettings => ({
  serialMode: 'public_key',
  refundDelayMs: 5000,
  balanceFen: null,
})
