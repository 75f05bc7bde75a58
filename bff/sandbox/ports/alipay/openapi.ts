import { z } from 'zod'
import { UpstreamError } from '../../../contracts/common'
import type { ContractOperation } from '../../../contracts/openapi'
import { AuthCodeAnswer, AuthCodeRequest, TemplateMessagesQuery } from './routes'

export const AlipayCredentials = z.object({
  gateway: z.url().describe('alipay-sdk `gateway` option: http://<sandbox>/gateway.do'),
  appId: z.string(),
  sellerId: z.string().describe('partner id (2088…), seller_id in notifications'),
  signType: z.literal('RSA2'),
  keyType: z.literal('PKCS1').describe('of appPrivateKey; appPrivateKeyPkcs8 is the same key'),
  appPrivateKey: z.string(),
  appPrivateKeyPkcs8: z.string(),
  appPublicKey: z.string(),
  alipayPublicKey: z.string(),
  appCertPem: z.string().describe('公钥证书 mode: alipay-sdk `appCertContent` (appCertPublicKey)'),
  alipayCertPem: z
    .string()
    .describe('公钥证书 mode: `alipayPublicCertContent` (alipayCertPublicKey_RSA2)'),
  alipayRootCertPem: z.string().describe('公钥证书 mode: `alipayRootCertContent` (alipayRootCert)'),
  loginCodes: z.string(),
})

export const AlipayTemplateMessage = z.object({
  toUserId: z.string().describe('to_open_id, or the 2088… to_user_id'),
  templateId: z.string().describe('user_template_id'),
  page: z.string().nullable(),
  data: z.record(z.string(), z.object({ value: z.string() })),
  sentAt: z.string().describe('sandbox time, +08:00'),
})

/** Named in the sandbox's OpenAPI document (GET /sandbox/openapi.json). */
export const alipayDevSchemas = {
  AlipayCredentials,
  AuthCodeRequest,
  AuthCodeAnswer,
  AlipayTemplateMessage,
}

/** Alipay developer endpoints, and the credentials document the payment peers share. */
export const alipayDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'getCredentials',
    method: 'get',
    path: '/sandbox/credentials',
    summary: 'What a merchant copies from the WeChat Pay and Alipay consoles, for this sandbox',
    description:
      'One section per provider (alipay, wechatpay, …). Point an official client at the ' +
      'sandbox with a section and nothing else.',
    responses: {
      200: { description: 'Credentials', schema: z.object({ alipay: AlipayCredentials }) },
    },
  },
  {
    operationId: 'issueAlipayAuthCode',
    method: 'post',
    path: '/sandbox/alipay/auth-code',
    summary: 'What my.getAuthCode returns for a resident: a single-use code, valid 5 minutes',
    description:
      'alipay.system.oauth.token also takes `sandbox-<name>` codes: reusable, and the same ' +
      'name always maps to the same user_id and open_id.',
    body: AuthCodeRequest,
    responses: {
      200: { description: 'Code', schema: AuthCodeAnswer },
      400: { description: 'Invalid name', schema: UpstreamError },
    },
  },
  {
    operationId: 'listAlipayTemplateMessages',
    method: 'get',
    path: '/sandbox/alipay/template-messages',
    summary:
      'Subscription messages sent through alipay.open.app.mini.templatemessage.send, oldest first',
    query: TemplateMessagesQuery,
    responses: {
      200: {
        description: 'Messages',
        schema: z.object({ items: z.array(AlipayTemplateMessage) }),
      },
    },
  },
]
