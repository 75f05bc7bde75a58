import {
  agentRoleLabels,
  maskAccountNo,
  maskAddress,
  maskName,
  maskPhone,
  type AgentAccountHit,
  type AgentAuditRow,
  type AgentProfile,
  type AgentTask,
} from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { CustomerAccount } from '../upstream/customers/customers-port'
import type { Agent, AuditEntry, StoredTask } from './agent-store'

/* What the workbench is shown of agents, accounts, tasks and the audit: masked, dated in Shanghai time. */

export function profileOf(agent: Agent): AgentProfile {
  return {
    agentId: agent.id,
    loginName: agent.loginName,
    displayName: agent.displayName,
    role: agent.role,
    roleLabel: agentRoleLabels[agent.role],
    team: agent.team,
    areas: agent.areas,
  }
}

export function hitOf(account: CustomerAccount): AgentAccountHit {
  return {
    accountNo: account.accountNo,
    holderNameMasked: maskName(account.holderName),
    phoneMasked: maskPhone(account.phone),
    addressMasked: maskAddress(account.address),
    areaCode: account.areaCode,
    status: account.status,
  }
}

/** What a search may be: an account number, or a holder's full mobile number. */
export const ACCOUNT_NO = /^\d{10}$/
export const MOBILE = /^1\d{10}$/

/** The search text in the audit: an account number or a phone masked, anything else by length. */
export function maskQuery(q: string): string {
  if (ACCOUNT_NO.test(q)) return maskAccountNo(q)
  if (MOBILE.test(q)) return `手机 ${maskPhone(q)}`
  return `(${q.length}字)`
}

export function taskOf(row: StoredTask, now: Date): AgentTask {
  const expired = row.status !== 'done' && Date.parse(row.expiresAt) <= now.getTime()
  const at = (iso: string | null) => (iso ? toShanghaiIso(new Date(iso)) : null)
  return {
    taskId: row.id,
    accountNo: row.accountNo,
    kind: row.kind,
    target: row.target,
    status: expired ? 'expired' : row.status,
    sentBy: row.sentBy,
    createdAt: toShanghaiIso(new Date(row.createdAt)),
    expiresAt: toShanghaiIso(new Date(row.expiresAt)),
    openedAt: at(row.openedAt),
    doneAt: at(row.doneAt),
  }
}

export function auditRowOf(row: AuditEntry): AgentAuditRow {
  return { ...row, at: toShanghaiIso(new Date(row.at)) }
}

/** Every field quoted, quotes doubled; a leading formula character is defused for Excel. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** The audit as a CSV Excel opens as it is: UTF-8 with a BOM, CRLF lines, every field quoted. */
export function auditCsvOf(items: AgentAuditRow[]): Uint8Array {
  const header = ['时间', '工号', '动作', '户号', '详情', '请求号']
  const lines = [
    header,
    ...items.map((r) => [
      r.at,
      r.loginName,
      r.action,
      r.accountNo ?? '',
      r.detail ?? '',
      r.requestId,
    ]),
  ].map((cells) => cells.map(csvCell).join(','))
  // The BOM makes Excel read the file as UTF-8; CRLF is what RFC 4180 and Excel expect.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
