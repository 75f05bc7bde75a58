import { speakDate } from '@gh/shared'
import {
  LOG_IN_FIRST,
  sentence,
  speakAccountNo,
  speakCount,
  speakShownText,
} from '../../voice/spoken-text'

/*
 * What 朗读 says on 家人 (亲情账户). Members are read as masked as they are shown (手机尾号…); an
 * invite code is never read out: it would be heard by whoever is near, and a speech service
 * would receive it.
 */

export interface FamilyMemberFacts {
  /** '138****5678' or how they log in ('微信用户'). */
  displayMasked: string
  isYou: boolean
  owner: boolean
  joinedAt: string
}

export interface OwnerFamilyFacts {
  accountNo: string
  /** When the invite shown on the page expires; absent before one is made. */
  inviteExpiresAt?: string
  /** Absent while the list loads. */
  members?: readonly FamilyMemberFacts[]
  error?: string
}

function memberSentence(m: FamilyMemberFacts): string {
  const who = `${speakShownText(m.displayMasked)}${m.isYou ? '（您）' : ''}`
  const how = m.owner ? '户主身份绑定' : '家人'
  return `${who}，${how}，${speakDate(m.joinedAt)}加入`
}

/** 家人, the owner's view: the account, the invite (not its code), who shares the account. */
export function ownerFamilySpeech(facts: OwnerFamilyFacts): string {
  const parts = [
    '家人。亲情账户：家人之间互相帮忙交费、报修。',
    `${speakAccountNo(facts.accountNo)}。家人用邀请码添加后，可以帮您交费、查账单和报修。`,
  ]
  if (facts.inviteExpiresAt) {
    parts.push(
      `邀请码已生成，显示在屏幕上，${speakDate(facts.inviteExpiresAt)}前有效，只能用一次。` +
        '可以点“复制邀请码”发给家人。',
    )
  } else {
    parts.push('下一步：点“生成邀请码”，再把邀请码告诉家人。')
  }
  if (facts.error) parts.push(`没有成功：${sentence(speakShownText(facts.error))}`)
  const { members } = facts
  if (members && members.length > 0) {
    const family = members.filter((m) => !m.owner).length
    parts.push(
      `已绑定此户号的有${speakCount(members.length)}人：${members.map(memberSentence).join('；')}。`,
    )
    if (family > 0) parts.push('家人后面的“移除”可以让他不再查看和缴费这个户号。')
  }
  return parts.join('')
}

/** 家人, joining with a code: what to do; the code typed is not read back. */
export function joinFamilySpeech(facts: {
  loggedIn: boolean
  codeFilled: boolean
  label?: string
  error?: string
}): string {
  const head = '家人。亲情账户：家人之间互相帮忙交费、报修。'
  if (!facts.loggedIn) return `${head}${LOG_IN_FIRST}`
  const parts = [
    head,
    '用邀请码添加家人的户号：请户主在“我的户号”里的“家人”中生成邀请码，二十四小时内有效，只能用一次。',
    facts.codeFilled ? '邀请码已填写。' : '请填写八位邀请码。',
  ]
  if (facts.label) parts.push(`备注名：${facts.label}。`)
  if (facts.error) parts.push(`没有成功：${sentence(speakShownText(facts.error))}`)
  parts.push('下一步：点“添加户号”。')
  return parts.join('')
}
