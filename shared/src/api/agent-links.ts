import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, IsoDateTime } from './common'
import { AccountLabel, BoundAccount } from './accounts'

/**
 * 客服链接: an agent who has checked the holder in person (at the counter, on a home visit)
 * sends a link or QR code that binds the account and opens the right page. The token is a
 * random id (96 bits) and an HMAC of it, 29 characters, so it also fits a mini-program code's
 * 32-character scene; the BFF keeps what it grants in Redis for at most three days.
 */
export const AgentLinkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{12}$/, { message: '链接无效，请联系客服重新发送' })

/** Where the link leads once the account is bound. */
export const AgentLinkPage = z.enum(['home', 'recharge', 'bills', 'repairs', 'orders', 'safety'])
export type AgentLinkPage = z.infer<typeof AgentLinkPage>

const TokenParams = z.object({ token: AgentLinkToken })

/** What the resident sees before confirming: the masked account and who sent it. */
export const AgentLinkView = z.object({
  accountNoMasked: z.string(),
  holderNameMasked: z.string().nullable(),
  page: AgentLinkPage,
  /** 客服 or 片区专员 and their work number, as the utility shows them on badges. */
  agentName: z.string(),
  /** 客服, 片区专员 or 主管 for a workbench task; null for a link issued by the ops endpoint. */
  agentRoleLabel: z.string().nullable(),
  expiresAt: IsoDateTime,
  /** True when the caller already has the account: confirming just opens the page. */
  alreadyBound: z.boolean(),
})
export type AgentLinkView = z.infer<typeof AgentLinkView>

export const RedeemedAgentLink = z.object({
  account: BoundAccount,
  /** The mini-program page to open next, with the account in its query. */
  path: z.string(),
  /** Who sent it, shown on the landing page. */
  agentName: z.string(),
  agentRoleLabel: z.string().nullable(),
})

export const getAgentLink = defineRoute({
  id: 'getAgentLink',
  method: 'get',
  path: '/agent-links/:token',
  summary:
    'What an agent’s link grants (masked account, page, agent), before the resident confirms',
  tag: 'accounts',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  params: TokenParams,
  response: AgentLinkView,
})

export const redeemAgentLink = defineRoute({
  id: 'redeemAgentLink',
  method: 'post',
  path: '/agent-links/:token/redeem',
  summary:
    'Binds the account of an agent’s signed link to the caller as an owner (the agent checked the holder); single use, then answers where to go',
  tag: 'accounts',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  params: TokenParams,
  body: z.object({ label: AccountLabel.optional() }),
  response: RedeemedAgentLink,
})

/** The operator / agent workbench side (outside /api/v1, bearer OPS_TOKEN). */
export const IssueAgentLinkRequest = z.object({
  accountNo: AccountNo,
  page: AgentLinkPage.default('home'),
  agentName: z.string().trim().min(1).max(20),
  ttlHours: z.number().int().min(1).max(72).default(24),
})
