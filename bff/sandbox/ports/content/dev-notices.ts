import { z } from 'zod'
import { AreaCode, Notice } from '../../../contracts/content'
import { IsoDateTime, UpstreamError } from '../../../contracts/common'
import type { ContractOperation } from '../../../contracts/openapi'
import type { SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { districts } from '../../seed/places'
import type { NoticeRecord } from './notices'

/**
 * Developer endpoints that stand in for the dispatcher's desk: announce a supply stop for an
 * area, change it (new times, new reason), or end it early (supply restored). The content
 * port's `GET /content/v1/notices` shows the change at once, as the real system would.
 */

const Advice = z.array(z.string().min(1).max(200)).max(6)

export const AnnounceNotice = z
  .object({
    areaCode: AreaCode,
    kind: z.enum(['gas', 'heating']),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    reason: z.string().min(1).max(60).default('燃气管网检修'),
    scope: z.string().min(1).max(200).optional().describe('defaults to the area’s name'),
    title: z.string().min(1).max(100).optional(),
    advice: Advice.optional(),
  })
  .refine((n) => Date.parse(n.endsAt) > Date.parse(n.startsAt), {
    message: 'endsAt must be after startsAt',
  })
export type AnnounceNotice = z.infer<typeof AnnounceNotice>

export const ChangeNotice = z
  .object({
    startsAt: IsoDateTime.optional(),
    endsAt: IsoDateTime.optional(),
    reason: z.string().min(1).max(60).optional(),
    scope: z.string().min(1).max(200).optional(),
    title: z.string().min(1).max(100).optional(),
    advice: Advice.optional(),
  })
  .refine((n) => Object.keys(n).length > 0, { message: 'nothing to change' })
export type ChangeNotice = z.infer<typeof ChangeNotice>

export const NoticePathParams = z.object({ noticeId: z.string().regex(/^[A-Z0-9]{1,24}$/) })

const defaultAdvice = {
  gas: ['停气前请关闭灶前阀门和表前阀门；恢复供气后先开窗通风，再开阀点火。'],
  heating: ['停暖期间请老人和孩子注意保暖，不要使用明火取暖。'],
}

/** The notices of every area, seeded and announced; ids of announced ones start with S. */
export class NoticeDesk {
  private seq = 0

  constructor(
    private readonly notices: NoticeRecord[],
    private readonly clock: SandboxClock,
  ) {}

  announce(input: AnnounceNotice): NoticeRecord {
    const district = districts.find((d) => d.code === input.areaCode.slice(0, 6))
    if (!district) throw new SandboxError(404, 'AREA_NOT_FOUND', '片区不存在')
    this.seq += 1
    const scope = input.scope ?? `${district.name}第${Number(input.areaCode.slice(6))}片区`
    const gas = input.kind === 'gas'
    const record: NoticeRecord = {
      noticeId: `S${input.areaCode}${String(this.seq).padStart(3, '0')}`,
      areaCode: input.areaCode,
      kind: input.kind,
      title: input.title ?? `关于${scope}${gas ? '临时停气' : '临时停暖'}的通知`,
      reason: input.reason,
      scope,
      startsAtMs: Date.parse(input.startsAt),
      endsAtMs: Date.parse(input.endsAt),
      issuedAtMs: this.clock.nowMs(),
      advice: input.advice ?? defaultAdvice[input.kind],
    }
    this.notices.push(record)
    return record
  }

  change(noticeId: string, input: ChangeNotice): NoticeRecord {
    const { index, record } = this.find(noticeId)
    const startsAtMs = input.startsAt ? Date.parse(input.startsAt) : record.startsAtMs
    const endsAtMs = input.endsAt ? Date.parse(input.endsAt) : record.endsAtMs
    if (endsAtMs <= startsAtMs) {
      throw new SandboxError(400, 'INVALID_ARGUMENT', 'endsAt must be after startsAt')
    }
    const { startsAt: _s, endsAt: _e, ...texts } = input
    const changed: NoticeRecord = { ...record, ...texts, startsAtMs, endsAtMs }
    this.notices[index] = changed
    return changed
  }

  /** Supply is back now: the notice ends at this instant (and starts no later). */
  end(noticeId: string): NoticeRecord {
    const { index, record } = this.find(noticeId)
    const now = this.clock.nowMs()
    if (record.endsAtMs <= now) return record
    const ended: NoticeRecord = {
      ...record,
      startsAtMs: Math.min(record.startsAtMs, now),
      endsAtMs: now,
    }
    this.notices[index] = ended
    return ended
  }

  private find(noticeId: string): { index: number; record: NoticeRecord } {
    const index = this.notices.findIndex((n) => n.noticeId === noticeId)
    const record = this.notices[index]
    if (!record) throw new SandboxError(404, 'NOTICE_NOT_FOUND', '通知不存在')
    return { index, record }
  }
}

const invalid = { description: 'Invalid body or parameter', schema: UpstreamError }
const notFound = { description: 'NOTICE_NOT_FOUND', schema: UpstreamError }

/** Named in the sandbox's OpenAPI document (GET /sandbox/openapi.json). */
export const contentDevSchemas = { AnnounceNotice, ChangeNotice, Notice }

export const contentDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'announceNotice',
    method: 'post',
    path: '/sandbox/notices',
    summary: 'Announces a supply stop (停气/停暖) for an area, issued now',
    description:
      'The notice is listed by GET /content/v1/notices?areaCode= at once; its status follows ' +
      'the sandbox clock (upcoming → in_progress → ended).',
    body: AnnounceNotice,
    responses: {
      201: { description: 'The notice', schema: Notice },
      400: invalid,
      404: { description: 'AREA_NOT_FOUND', schema: UpstreamError },
    },
  },
  {
    operationId: 'changeNotice',
    method: 'patch',
    path: '/sandbox/notices/:noticeId',
    summary: 'Changes a notice: its times, reason, scope, title or advice',
    params: NoticePathParams,
    body: ChangeNotice,
    responses: {
      200: { description: 'The notice now', schema: Notice },
      400: invalid,
      404: notFound,
    },
  },
  {
    operationId: 'endNotice',
    method: 'post',
    path: '/sandbox/notices/:noticeId/end',
    summary: 'Ends a notice now: supply is restored (an ended notice stays as it is)',
    params: NoticePathParams,
    responses: { 200: { description: 'The notice now', schema: Notice }, 404: notFound },
  },
]
