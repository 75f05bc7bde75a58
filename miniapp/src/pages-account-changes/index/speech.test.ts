import type { AccountChange, AccountChanges } from '@gh/shared'
import { accountChangesSpeech } from './speech'

const closed: AccountChange = {
  changeId: 'AC0123456789',
  accountNo: '1000000001',
  kind: 'close',
  kindLabel: '销户',
  status: 'approved',
  statusLabel: '已办结',
  submittedAt: '2026-11-26T10:00:00+08:00',
  decidedAt: '2026-11-27T10:00:00+08:00',
  detail: '销户，退还预存余额',
  documents: { count: 1, text: '已上传 1 张' },
  rejectionReason: null,
  refundFen: 18_640,
  result: '销户已办结，预存余额186.40元将原路退还，该户号的所有绑定已解除。',
  steps: [
    { label: '提交申请', done: true, at: '2026-11-26T10:00:00+08:00' },
    { label: '证件审核', done: true, at: '2026-11-26T12:00:00+08:00' },
    { label: '办结', done: true, at: '2026-11-27T10:00:00+08:00' },
  ],
}

const list = (changes: AccountChange[], canApply: boolean): AccountChanges => ({
  accountNo: '1000000001',
  asOf: '2026-11-27T10:00:00+08:00',
  canApply,
  reason: canApply ? null : '有一件申请正在办理，办结后可以再申请',
  changes,
})

test('when a decided 销户 is read aloud, then its state, the photo count and the refund are said in words', () => {
  const text = accountChangesSpeech(true, list([closed], true), undefined)
  expect(text).toContain('销户申请，已办结。')
  expect(text).toContain('已上传一张。')
  expect(text).toContain('一百八十六元四角')
  expect(text).not.toMatch(/\d+\.\d{2}元/)
})

test('when a request is under review, then 朗读 says why no new one can be made', () => {
  const reviewing = { ...closed, status: 'reviewing' as const, statusLabel: '审核中' }
  expect(accountChangesSpeech(true, list([reviewing], false), undefined)).toContain(
    '有一件申请正在办理，办结后可以再申请。',
  )
  expect(accountChangesSpeech(false, undefined, undefined)).toContain('登录并绑定户号')
})
