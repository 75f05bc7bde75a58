import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, IsoDateTime } from './common'
import { AccountLabel, BindingRole, BoundAccount } from './accounts'

/** Invite codes avoid 0/O and 1/I/L so they can be read aloud or typed by an elderly parent. */
export const InviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{8}$/, { message: '邀请码为8位字母或数字' })

export const FamilyInvite = z.object({
  code: InviteCode,
  accountNo: AccountNo,
  expiresAt: IsoDateTime,
  /** Mini-program page that accepts the invite, for a share card or QR code. */
  path: z.string(),
})
export type FamilyInvite = z.infer<typeof FamilyInvite>

export const createFamilyInvite = defineRoute({
  id: 'createFamilyInvite',
  method: 'post',
  path: '/accounts/:accountNo/family/invites',
  summary: 'An owner invites a family member: a single-use code that expires in 24 hours',
  tag: 'family',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: AccountParams,
  response: FamilyInvite,
})

export const acceptFamilyInvite = defineRoute({
  id: 'acceptFamilyInvite',
  method: 'post',
  path: '/family/accept',
  summary: 'Accepts an invite: the account is bound to the caller as a family member',
  tag: 'family',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  body: z.object({ code: InviteCode, label: AccountLabel.optional() }),
  response: BoundAccount,
})

/** Someone bound to the account, as its owner sees them. Ids are binding ids, not user ids. */
export const FamilyMember = z.object({
  memberId: z.string(),
  role: BindingRole,
  /** 138****5678 when they log in by phone, otherwise how they log in (微信用户). */
  displayMasked: z.string(),
  joinedAt: IsoDateTime,
  isYou: z.boolean(),
})
export type FamilyMember = z.infer<typeof FamilyMember>

export const listFamilyMembers = defineRoute({
  id: 'listFamilyMembers',
  method: 'get',
  path: '/accounts/:accountNo/family/members',
  summary: 'Everyone bound to the account (owners only), masked',
  tag: 'family',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  response: z.object({ members: z.array(FamilyMember) }),
})

export const removeFamilyMember = defineRoute({
  id: 'removeFamilyMember',
  method: 'delete',
  path: '/accounts/:accountNo/family/members/:memberId',
  summary: 'An owner removes a family member from the account',
  tag: 'family',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  // Any id shape parses, so a caller not bound to the account meets the binding guard first.
  params: AccountParams.extend({ memberId: z.string().min(1).max(64) }),
  response: z.object({ removed: z.literal(true) }),
})
