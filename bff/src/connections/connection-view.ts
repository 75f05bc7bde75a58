import {
  CONNECTION_DOCUMENT_LABELS,
  maskAddress,
  maskName,
  type ConnectionApplication,
  type ConnectionStatus,
  type Ignition,
} from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { ConnectionRecord } from '../upstream/customers/customers-connections-port'
import type { IgnitionRecord } from '../upstream/workorders/workorders-service-port'
import type { ConnectionApplicationRow } from './connection-entity'

const STEP_LABELS: Record<ConnectionStatus, string> = {
  submitted: '已受理',
  surveyed: '已上门勘察',
  meter_installed: '燃气表已安装，户号已开通',
  ignition_booked: '已预约通气点火',
  ignited: '已通气点火，可以用气',
}

const NEXT: Record<ConnectionStatus, string> = {
  submitted: '工作人员会在3个工作日内联系您上门勘察',
  surveyed: '勘察通过，正在安排安装燃气表',
  meter_installed: '请预约通气点火，师傅上门安检后通气',
  ignition_booked: '请在预约时间在家等候师傅上门',
  ignited: '已经可以用气，充值后即可使用',
}

const at = (iso: string | null) => (iso ? toShanghaiIso(new Date(iso)) : null)

/** The status a resident follows: the CIS's stage, with the ignition booking in between. */
export function statusOf(
  record: ConnectionRecord,
  ignition: IgnitionRecord | null,
): ConnectionStatus {
  if (record.stage === 'meter_installed' && ignition?.status === 'booked') return 'ignition_booked'
  if (record.stage === 'meter_installed' && ignition?.status === 'done') return 'ignited'
  return record.stage
}

export function applicationView(
  row: ConnectionApplicationRow,
  record: ConnectionRecord,
  ignition: IgnitionRecord | null,
  documentKinds: readonly (keyof typeof CONNECTION_DOCUMENT_LABELS)[],
): ConnectionApplication {
  const status = statusOf(record, ignition)
  const order: ConnectionStatus[] = [
    'submitted',
    'surveyed',
    'meter_installed',
    'ignition_booked',
    'ignited',
  ]
  const reached = order.indexOf(status)
  const times: Record<ConnectionStatus, string | null> = {
    submitted: at(record.appliedAt),
    surveyed: at(record.surveyedAt),
    meter_installed: at(record.installedAt),
    ignition_booked: null,
    ignited: at(record.ignitedAt ?? ignition?.result?.doneAt ?? null),
  }
  return {
    applicationId: record.applicationId,
    status,
    statusLabel: STEP_LABELS[status],
    next: NEXT[status],
    appliedAt: toShanghaiIso(new Date(record.appliedAt)),
    applicantMasked: maskName(record.applicantName),
    addressMasked: maskAddress(record.address),
    documents: [...new Set(documentKinds)].map((kind) => ({
      kind,
      label: CONNECTION_DOCUMENT_LABELS[kind],
    })),
    steps: order.map((s, i) => ({
      status: s,
      label: STEP_LABELS[s],
      done: i <= reached,
      at: i <= reached ? times[s] : null,
    })),
    accountNo: row.accountNo ?? record.accountNo,
    fromAccountNo: row.fromAccountNo,
  }
}

const WINDOW_LABEL = { am: '上午 9:00–12:00', pm: '下午 14:00–18:00' } as const

function dayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

export function ignitionView(record: IgnitionRecord): Ignition {
  const labels: Record<IgnitionRecord['status'], string> = {
    open: '燃气表已安装，请预约通气点火',
    booked: '已预约通气点火',
    done: record.result?.passed ? '已通气点火，可以用气' : '安检未通过',
  }
  const slotLabel = (date: string, window: 'am' | 'pm') =>
    `${dayLabel(date)} ${WINDOW_LABEL[window]}`
  const booked = record.booking
  return {
    accountNo: record.accountNo,
    status: record.status,
    statusLabel: labels[record.status],
    slots: record.slots.map((s) => ({
      slotId: s.slotId,
      date: s.date,
      window: s.window,
      label: slotLabel(s.date, s.window),
      available: s.available,
    })),
    booking: booked
      ? {
          slotId: booked.slotId,
          label: slotLabel(
            toShanghaiIso(new Date(booked.from)).slice(0, 10),
            windowOf(booked.from),
          ),
          technician: booked.technician ? `${booked.technician.slice(0, 1)}师傅` : null,
        }
      : null,
    result: record.result
      ? {
          doneAt: toShanghaiIso(new Date(record.result.doneAt)),
          passed: record.result.passed,
          items: record.result.items.map((i) => ({ ...i })),
          note: record.result.note,
        }
      : null,
    offerTopUp: record.status === 'done' && record.result?.passed === true,
  }
}

function windowOf(fromIso: string): 'am' | 'pm' {
  return Number(toShanghaiIso(new Date(fromIso)).slice(11, 13)) < 13 ? 'am' : 'pm'
}
