import { speakDate } from '@gh/shared'
import type { MyData } from '@gh/shared'
import {
  sentence,
  speakAccountNo,
  speakCount,
  speakPhoneTail,
  speakShownText,
} from '../../voice/spoken-text'

/*
 * What 朗读 says on 我的数据. Phone numbers and account numbers are read as masked as the page
 * shows them; a platform identity (an openid) is named, never spelled out.
 */

/** How each login method is named, on the page and when read aloud. */
export const identityNames: Record<MyData['identities'][number]['kind'], string> = {
  wechat: '微信（本小程序）',
  wechat_union: '微信（同一主体的其他应用）',
  alipay: '支付宝',
  phone: '手机号',
}

const day = (iso: string) => speakDate(iso.slice(0, 10))

/** 我的数据: every login, every binding (masked), the notes, and what 退出登录 / 注销 do. */
export function myDataSpeech(facts: { loggedIn: boolean; data?: MyData }): string {
  const head = '我的数据。这里是我们保存的关于您的全部信息。'
  if (!facts.loggedIn) return `${head}登录后可以查看。请点“去登录”。`
  const { data } = facts
  if (!data) return `${head}还没有加载出来，请稍后再点朗读。`
  const identities = data.identities.map((i) => {
    const value = i.kind === 'phone' ? `，${speakPhoneTail(i.valueMasked)}` : ''
    return `${identityNames[i.kind]}${value}，${day(i.linkedAt)}起`
  })
  const bindings = data.bindings.map(
    (b) =>
      `${b.label ?? '未命名'}（${b.role === 'owner' ? '户主身份' : '家人'}），` +
      `${speakAccountNo(b.accountNoMasked)}，${day(b.boundAt)}绑定`,
  )
  return [
    head,
    identities.length ? `登录方式：${identities.join('；')}。` : '',
    bindings.length ? `绑定的户号：${bindings.join('；')}。` : '没有绑定户号。',
    `账号创建于${day(data.user.createdAt)}；当前有${speakCount(data.activeSessions)}处登录。`,
    ...data.notes.map((note) => sentence(speakShownText(note))),
    '可以点“退出登录”，或点“注销账号”删除这些信息；注销前请先处理未完成的缴费或报修。',
  ].join('')
}
