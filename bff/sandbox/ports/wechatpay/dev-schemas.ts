import { z } from 'zod'
import { SettingsUpdate, WechatPaySettings } from './settings'

/** Schemas of the WeChat developer endpoints, shared by the routes and the sandbox's OpenAPI. */

export const TradeStateUpdate = z
  .object({ tradeState: z.enum(['NOTPAY', 'USERPAYING', 'PAYERROR']) })
  .strict()

export const RequestPaymentBody = z.object({
  appId: z.string(),
  timeStamp: z.string().describe('seconds'),
  nonceStr: z.string(),
  package: z.string().describe('prepay_id=…'),
  signType: z.literal('RSA'),
  paySign: z.string().describe('base64 RSA-SHA256 over appId\\ntimeStamp\\nnonceStr\\npackage\\n'),
})

export const RequestPaymentAnswer = z.object({
  ok: z.boolean(),
  errMsg: z
    .string()
    .describe("wx.requestPayment's errMsg: requestPayment:ok / requestPayment:fail …"),
  outTradeNo: z.string().optional(),
  amountFen: z.number().int().optional(),
  description: z.string().optional(),
})

export { SettingsUpdate, WechatPaySettings }
