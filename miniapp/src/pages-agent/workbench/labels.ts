import type { AgentAuditAction, AgentTask, AgentTaskKind, AgentTaskStatus } from '@gh/shared'

export const taskKindLabels: Record<AgentTaskKind, string> = {
  pay_bill: '缴纳账单',
  top_up: '充值',
  report_fault: '报修',
  book_inspection: '预约安检',
  read_article: '阅读文章',
  bind_account: '绑定户号',
  view_order: '查看订单',
}

/** The kinds in the order the agent picks from, most asked first. */
export const taskKinds: readonly AgentTaskKind[] = [
  'pay_bill',
  'top_up',
  'report_fault',
  'book_inspection',
  'read_article',
  'bind_account',
  'view_order',
]

export function kindOfLabel(label: string | undefined): AgentTaskKind | undefined {
  return taskKinds.find((kind) => taskKindLabels[kind] === label)
}

/** What the task opens needs a number: which article or order (a bill is optional). */
export const targetFields: Partial<Record<AgentTaskKind, { label: string; required: boolean }>> = {
  pay_bill: { label: '账单编号（可不填，默认全部待缴）', required: false },
  read_article: { label: '文章编号', required: true },
  view_order: { label: '订单号', required: true },
}

/** Every action the audit records, as the 主管 reads it. */
export const auditActionLabels: Record<AgentAuditAction, string> = {
  login: '登录',
  logout: '退出登录',
  search: '查户号',
  view_account: '查看户号',
  create_task: '发送任务',
  create_proxy_request: '发起代办',
  reissue_proxy_code: '重发代办验证码',
  read_audit: '查看审计',
  out_of_scope: '越权查询（已拒绝）',
}

/** An action written before the console knew its name still shows, as its id. */
export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string | undefined>)[action] ?? action
}

export const taskStatusLabels: Record<AgentTaskStatus, string> = {
  sent: '已发送',
  opened: '已打开',
  done: '已完成',
  expired: '已过期',
}

/** '2026-11-26T10:05:00+08:00' → '11月26日 10:05' (Beijing time, as the BFF answers it). */
export function shortTime(iso: string): string {
  const month = Number(iso.slice(5, 7))
  const day = Number(iso.slice(8, 10))
  return `${month}月${day}日 ${iso.slice(11, 16)}`
}

/** The newest step the task reached, with its time. */
export function taskProgress(task: AgentTask): string {
  if (task.status === 'done' && task.doneAt) return `${shortTime(task.doneAt)} 完成`
  if (task.openedAt) return `${shortTime(task.openedAt)} 居民已打开`
  if (task.status === 'expired') return `${shortTime(task.expiresAt)} 过期`
  return `${shortTime(task.createdAt)} 发出，${shortTime(task.expiresAt)} 前有效`
}
