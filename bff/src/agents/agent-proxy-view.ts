/** What agents and residents see of a 代办: labels, masked names, times with offset. */
import {
  PROXY_CODE_MAX_TRIES,
  agentRoleLabels,
  maskName,
  proxyRequestKindLabels,
  proxyRequestStatusLabels,
  type AgentProxyRequest,
  type AgentRole,
  type ProxyRequestStatus,
  type RepairSlotWindow,
  type ResidentProxyRequest,
} from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { StoredProxyRequest } from './agent-proxy-store'

export function agentView(row: StoredProxyRequest, now: Date): AgentProxyRequest {
  const status = statusOf(row, now)
  return {
    id: row.id,
    taskId: row.taskId,
    accountNo: row.accountNo,
    kind: row.kind,
    kindLabel: proxyRequestKindLabels[row.kind],
    amountFen: row.amountFen === null ? null : Number(row.amountFen),
    repairKind: row.repairKind,
    slot: slotOf(row),
    description: row.description,
    status,
    statusLabel: proxyRequestStatusLabels[status],
    createdAt: toShanghaiIso(new Date(row.createdAt)),
    expiresAt: toShanghaiIso(new Date(row.expiresAt)),
    confirmedAt: row.confirmedAt ? toShanghaiIso(new Date(row.confirmedAt)) : null,
    orderNo: row.orderNo,
    repairNo: row.kind === 'book_inspection' ? null : row.repairNo,
    inspectionId: row.kind === 'book_inspection' ? row.repairNo : null,
  }
}

export function statusOf(row: StoredProxyRequest, now: Date): ProxyRequestStatus {
  if (row.status !== 'pending') return row.status
  return Date.parse(row.expiresAt) <= now.getTime() ? 'expired' : 'pending'
}

export function slotOf(row: StoredProxyRequest): { date: string; window: RepairSlotWindow } | null {
  return row.slotDate && row.slotWindow ? { date: row.slotDate, window: row.slotWindow } : null
}

/** 客服 张** — the role, and the name masked (a work number is shown as it is on the badge). */
export function proxyAgentName(displayName: string, role: AgentRole): string {
  const label = agentRoleLabels[role]
  const rest = displayName.startsWith(label) ? displayName.slice(label.length).trim() : displayName
  const shown = /^[A-Za-z0-9]+$/.test(rest) ? rest : maskName(rest)
  return `${label} ${shown}`
}

export function residentView(row: StoredProxyRequest): ResidentProxyRequest {
  const agentName = proxyAgentName(row.agentName, row.agentRole as AgentRole)
  return {
    id: row.id,
    accountNo: row.accountNo,
    kind: row.kind,
    kindLabel: proxyRequestKindLabels[row.kind],
    amountFen: row.amountFen === null ? null : Number(row.amountFen),
    repairKind: row.repairKind,
    slot: slotOf(row),
    description: row.description,
    sentByLabel: `${agentName} 为您发起`,
    agentName,
    expiresAt: toShanghaiIso(new Date(row.expiresAt)),
    triesLeft: Math.max(0, PROXY_CODE_MAX_TRIES - Number(row.tries)),
  }
}
