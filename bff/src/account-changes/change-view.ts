import {
  ACCOUNT_CHANGE_KIND_LABELS,
  fenToYuanString,
  maskAddress,
  maskName,
  maskPhone,
  type AccountChange,
  type AccountChangeStatus,
} from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { AccountChangeRecord } from '../upstream/customers/account-changes-port'

const STATUS_LABELS: Record<AccountChangeStatus, string> = {
  submitted: '已提交',
  reviewing: '审核中',
  approved: '已办结',
  rejected: '未通过',
}

const iso = (at: string | null): string | null => (at ? toShanghaiIso(new Date(at)) : null)

/** What was asked, with every personal detail masked. */
function detailOf(record: AccountChangeRecord): string {
  if (record.kind === 'transfer' && record.transfer) {
    const { holderName, phone } = record.transfer
    return `新户主 ${maskName(holderName)}，手机 ${maskPhone(phone)}`
  }
  if (record.kind === 'close') return '销户，退还预存余额'
  const parts: string[] = []
  if (record.update?.phone) parts.push(`联系电话改为 ${maskPhone(record.update.phone)}`)
  if (record.update?.mailingAddress) {
    parts.push(`邮寄地址改为 ${maskAddress(record.update.mailingAddress)}`)
  }
  return parts.join('，') || '信息变更'
}

/** The result in a sentence once decided; before that, what happens next. */
export function resultOf(record: AccountChangeRecord): string {
  if (record.state === 'rejected') {
    return `未通过：${record.rejectionReason ?? '材料不符合要求'}。可补充材料后重新申请。`
  }
  if (record.state !== 'approved') {
    return '工作人员会在1个工作日内审核证件，结果会通过消息通知您。'
  }
  if (record.kind === 'transfer') {
    return '过户已办结。原户主和家人的绑定已解除，新户主请用自己的姓名和手机号绑定户号。'
  }
  if (record.kind === 'close') {
    const refund = record.refundFen ?? 0
    const money = refund > 0 ? `预存余额${fenToYuanString(refund)}元将原路退还，` : ''
    return `销户已办结，${money}该户号的所有绑定已解除。`
  }
  return '信息已变更，之后的通知会按新的联系方式发送。'
}

export function changeView(record: AccountChangeRecord): AccountChange {
  const decided = record.state === 'approved' || record.state === 'rejected'
  const count = record.documentCount
  return {
    changeId: record.changeId,
    accountNo: record.accountNo,
    kind: record.kind,
    kindLabel: ACCOUNT_CHANGE_KIND_LABELS[record.kind],
    status: record.state,
    statusLabel: STATUS_LABELS[record.state],
    submittedAt: toShanghaiIso(new Date(record.submittedAt)),
    decidedAt: iso(record.decidedAt),
    detail: detailOf(record),
    documents: { count, text: count > 0 ? `已上传 ${count} 张` : '未上传证件照片' },
    rejectionReason: record.state === 'rejected' ? record.rejectionReason : null,
    refundFen: record.state === 'approved' && record.kind === 'close' ? record.refundFen : null,
    result: resultOf(record),
    steps: [
      { label: '提交申请', done: true, at: toShanghaiIso(new Date(record.submittedAt)) },
      {
        label: '证件审核',
        done: record.reviewingAt !== null || decided,
        at: iso(record.reviewingAt),
      },
      {
        label: record.state === 'rejected' ? '未通过' : '办结',
        done: decided,
        at: iso(record.decidedAt),
      },
    ],
  }
}
