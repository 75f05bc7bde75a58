import { AgentAuditAction } from '@gh/shared'
import { auditActionLabel } from './labels'

test('when the audit lists any action the BFF records, then the 主管 reads a Chinese name, never the id', () => {
  for (const action of AgentAuditAction.options) {
    const label = auditActionLabel(action)
    expect(label).not.toBe(action)
    expect(label).toMatch(/[\u4e00-\u9fff]/)
  }
  expect(auditActionLabel('create_proxy_request')).toBe('发起代办')
  expect(auditActionLabel('reissue_proxy_code')).toBe('重发代办验证码')
  expect(auditActionLabel('out_of_scope')).toBe('越权查询（已拒绝）')
})
