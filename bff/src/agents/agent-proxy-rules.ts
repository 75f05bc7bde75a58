/**
 * 代办's rules apart from its storage: the code, what a request books, when a replay is the same
 * request, what the audit says.
 */
import { randomInt } from 'node:crypto'
import type { z } from 'zod'
import {
  PROXY_CODE_TTL_MINUTES,
  isUrgentRepairKind,
  type CreateProxyRequest,
  type ProxyRequestKind,
  type RepairKind,
  type RepairSlotWindow,
} from '@gh/shared'
import { AppError, errors } from '../platform/app-error'
import type { ProxyRepairs } from './agent-proxy-ports'
import type { StoredProxyRequest } from './agent-proxy-store'
import { slotOf, statusOf } from './agent-proxy-view'

export type CreateInput = z.output<typeof CreateProxyRequest>

/** Six digits, every value equally likely (a CSPRNG, no modulo bias). */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

export function codeExpiry(from: Date): Date {
  return new Date(from.getTime() + PROXY_CODE_TTL_MINUTES * 60_000)
}

export function refuseUnlessPending(row: StoredProxyRequest, now: Date): void {
  const status = statusOf(row, now)
  if (status === 'confirmed') {
    throw new AppError('PROXY_REQUEST_USED', { message: 'proxy request already confirmed' })
  }
  if (status === 'locked') throw new AppError('PROXY_CODE_LOCKED', { message: 'proxy code locked' })
  if (status === 'expired') {
    throw new AppError('PROXY_CODE_EXPIRED', { message: 'proxy code expired' })
  }
}

export function bookingOf(req: CreateInput): {
  repairKind: RepairKind | null
  description: string
  slot: { date: string; window: RepairSlotWindow } | undefined
} | null {
  if (req.kind === 'book_inspection') {
    return { repairKind: null, description: req.description, slot: req.slot }
  }
  if (req.kind !== 'report_fault') return null
  const urgent = isUrgentRepairKind(req.repairKind)
  if (urgent && req.slot) throw errors.validation('紧急报修会尽快派人上门，不需要预约时间')
  if (!urgent && !req.description) throw errors.validation('请描述一下故障情况')
  if (!urgent && !req.slot) throw errors.validation('请选择上门时间')
  return { repairKind: req.repairKind, description: req.description, slot: req.slot }
}

export function sameRequest(row: StoredProxyRequest, req: CreateInput): boolean {
  if (row.accountNo !== req.accountNo || row.kind !== req.kind) return false
  const amount = row.amountFen === null ? null : Number(row.amountFen)
  switch (req.kind) {
    case 'pay_bill':
      // Left out, the amount was what the account owed when the request was made.
      return req.amountFen === undefined || req.amountFen === amount
    case 'top_up':
      return req.amountFen === amount
    case 'report_fault':
    case 'book_inspection': {
      const slot = slotOf(row)
      return (
        (req.kind === 'book_inspection' || req.repairKind === row.repairKind) &&
        (row.description ?? '') === req.description &&
        (slot?.date ?? null) === (req.slot?.date ?? null) &&
        (slot?.window ?? null) === (req.slot?.window ?? null)
      )
    }
  }
}

export function bookingBody(row: StoredProxyRequest): Parameters<ProxyRepairs['create']>[2] {
  const slot = slotOf(row)
  return {
    kind: row.repairKind ?? 'other',
    description: row.description ?? '',
    photoIds: [],
    ...(slot ? { slot } : {}),
  }
}

/** The audit's detail: what and how much, never the code. */
export function detailOf(
  kind: ProxyRequestKind,
  amountFen: number | null,
  slot: { date: string; window: RepairSlotWindow } | undefined,
): string {
  if (amountFen !== null) return `${kind}:${amountFen}分`
  return slot ? `${kind}:${slot.date}${slot.window}` : kind
}
