import { speakAmountFen } from '@gh/shared'
import type { AccountChange, AccountChanges } from '@gh/shared'
import { sentence, speakShownText } from '../../voice/spoken-text'

/*
 * What 朗读 says on 过户·销户·信息变更: whether a new request is taken now (or why not), then each
 * request with where it stands and its result. Photos are only counted, never described.
 */

const MONEY_TEXT = /(\d+)\.(\d{2})\s?元/g

function spoken(text: string): string {
  return speakShownText(
    text.replace(MONEY_TEXT, (_, yuan: string, cents: string) =>
      speakAmountFen(Number(yuan) * 100 + Number(cents)),
    ),
  )
}

export function changeSpeech(change: AccountChange): string {
  const done = change.steps.filter((s) => s.done).map((s) => s.label)
  return [
    sentence(`${change.kindLabel}申请，${change.statusLabel}`),
    sentence(spoken(change.detail)),
    sentence(spoken(change.documents.text)),
    done.length > 0 ? sentence(`已完成：${done.join('、')}`) : '',
    sentence(spoken(change.result)),
  ].join('')
}

export function accountChangesSpeech(
  loggedIn: boolean,
  data: AccountChanges | undefined,
  choosing: string | undefined,
): string {
  if (!loggedIn) return '过户、销户和信息变更。登录并绑定户号后可以在线办理。'
  if (!data) return '过户、销户和信息变更。正在加载。'
  const parts = ['过户、销户和信息变更。']
  parts.push(
    data.canApply
      ? choosing
        ? `正在填写${choosing}申请。`
        : '可以在线申请过户、销户或修改联系电话和邮寄地址，需要拍身份证等证件照片。'
      : sentence(data.reason ?? '现在不能申请'),
  )
  if (data.changes.length === 0) parts.push('还没有申请记录。')
  for (const change of data.changes) parts.push(changeSpeech(change))
  return parts.join('')
}
