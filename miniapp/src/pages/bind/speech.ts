import { speakDate, speakDigits } from '@gh/shared'
import { sentence, speakAccountNo, speakAddress, speakCount, speakShownText } from './spoken-text'

/*
 * What 朗读 says on 我的户号, 绑定, 家人 (亲情账户): what the page shows, in words, and the next
 * step. Personal data is read as masked as it is shown (户主王某, 手机尾号…); what the resident
 * types as proof (户主姓名, 手机号后四位) and invite codes are never read out: they would be
 * heard by whoever is near, and a speech service would receive them.
 */

export interface AccountFacts {
  title: string
  accountNo: string
  current: boolean
  isDefault: boolean
  /** Joined through a family member's invite. */
  familyShared: boolean
  /** The card's kind line ('燃气·物联网表（预付费）'); absent when the details did not load. */
  kindName?: string
  holderNameMasked?: string
  addressMasked?: string
}

const NOT_LOGGED_IN = '请先登录，请点“去登录”。'

function accountSentence(a: AccountFacts): string {
  const badges = [
    a.current ? '当前户号' : '',
    a.isDefault ? '默认' : '',
    a.familyShared ? '家人共享' : '',
  ].filter(Boolean)
  const parts = [a.title, speakAccountNo(a.accountNo), ...badges]
  if (a.kindName) parts.push(a.kindName)
  if (a.holderNameMasked) parts.push(`户主${speakShownText(a.holderNameMasked)}`)
  if (a.addressMasked) parts.push(`地址${speakAddress(a.addressMasked)}`)
  if (!a.kindName) parts.push('户号详情暂时无法显示')
  return `${parts.join('，')}。`
}

/** 我的户号: how many, which is current, each card (masked), and what can be done. */
export function accountsSpeech(facts: {
  loggedIn: boolean
  accounts?: readonly AccountFacts[]
}): string {
  const head = '我的户号。'
  if (!facts.loggedIn) return `${head}登录后可以绑定和管理户号。${NOT_LOGGED_IN}`
  const { accounts } = facts
  if (!accounts) return `${head}户号列表还没有加载出来，请稍后再点朗读。`
  if (accounts.length === 0) {
    return (
      `${head}还没有绑定户号，绑定后可以交费、查账单和报修。` +
      '下一步：点“绑定新户号”，或点“用家人的邀请码添加”。'
    )
  }
  const current = accounts.find((a) => a.current)
  return [
    head,
    `共${speakCount(accounts.length)}个户号`,
    current ? `，当前户号：${current.title}。` : '。',
    ...accounts.map(accountSentence),
    accounts.length > 1 ? '点“切换到此户号”可以换成别的户号；' : '',
    '点“绑定新户号”可以再添加一个。',
  ].join('')
}

export interface BindFacts {
  loggedIn: boolean
  /** The 户号 typed or scanned so far. */
  accountNo: string
  /** How the binding is proven: a code sent to the reserved phone, or the holder's name. */
  method: 'sms' | 'holder'
  /** 户主姓名验证 only: which proof fields have something in them. */
  holderNameFilled?: boolean
  phoneLast4Filled?: boolean
  label?: string
  error?: string
}

/** 绑定户号: the fields to fill in, which are filled, what went wrong, the next step. */
export function bindSpeech(facts: BindFacts): string {
  const head = '绑定户号。'
  if (!facts.loggedIn) return `${head}${NOT_LOGGED_IN}`
  const typed = facts.accountNo.replace(/\s/g, '')
  const parts = [
    head,
    '户号印在燃气账单、缴费卡或燃气表上，是十位数字。',
    /^\d+$/.test(typed) ? `已填户号：${speakDigits(typed)}。` : '户号还没有填。',
  ]
  if (facts.method === 'sms') {
    parts.push(
      '验证方式：短信验证。点“获取验证码”，验证码会发到开户时登记的手机号上，不一定是本机；' +
        '收到后填写六位验证码，再点“绑定”。' +
        '预留手机号已不用的，可以改用“户主姓名验证”。',
    )
  } else {
    parts.push(
      '验证方式：户主姓名验证。请填写户主姓名，填姓氏也可以；再填开户时登记的手机号后四位。',
      facts.holderNameFilled ? '户主姓名已填写。' : '户主姓名还没有填。',
      facts.phoneLast4Filled ? '手机号后四位已填写。' : '手机号后四位还没有填。',
      '填好后点“绑定”。',
    )
  }
  if (facts.label) parts.push(`备注名：${facts.label}。`)
  if (facts.error) parts.push(`没有成功：${sentence(speakShownText(facts.error))}`)
  parts.push('为保护户主信息，多次填错会暂停绑定一段时间。')
  return parts.join('')
}

/** 绑定 opened from an agent's link: what to check and the one step. */
export function agentLinkBindSpeech(): string {
  return (
    '绑定户号。这是客服发来的链接，客服已当面核对户主信息。' +
    '请核对屏幕上的户号和户主，再点下方的按钮确认。'
  )
}

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
  if (!facts.loggedIn) return `${head}请先登录，请点“登录后继续”。`
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
