import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, IsoDateTime } from './common'
import { MobilePhone } from './auth'
import { LocalDate } from './bills'

/**
 * 报修: a resident reports a gas or heating fault and follows it to the end. Each report is one
 * work order in the utility's work-order system; the BFF answers it in the resident's words
 * (labels, hints, masked names and phones) and never with the work-order system's own shape.
 */

export const RepairKind = z
  .enum(['gas_leak', 'co_alarm', 'appliance', 'meter', 'pipe', 'no_heat', 'heating_leak', 'other'])
  .describe('gas_leak and co_alarm are urgent: no photo needed, no preferred slot')
export type RepairKind = z.infer<typeof RepairKind>

export const repairKindLabels: Record<RepairKind, string> = {
  gas_leak: '燃气泄漏/闻到燃气味',
  co_alarm: '一氧化碳报警',
  appliance: '灶具/热水器',
  meter: '表具',
  pipe: '管道',
  no_heat: '暖气不热',
  heating_leak: '暖气漏水',
  other: '其他',
}

/** Kinds that send someone at once: the form asks for no photo and no time. */
export const urgentRepairKinds: readonly RepairKind[] = ['gas_leak', 'co_alarm']

export function isUrgentRepairKind(kind: RepairKind): boolean {
  return urgentRepairKinds.includes(kind)
}

/** Control and format characters (NUL, right-to-left overrides) other than a line break. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u

/** Free text that goes to the work-order system: what a resident can type, nothing hidden. */
function plainText<T extends z.ZodType<string>>(schema: T) {
  return schema.refine((text) => !INVISIBLE.test(text.replace(/\n/g, '')), {
    message: '内容里有无法识别的字符，请删掉后重试',
  })
}

export const RepairState = z
  .enum(['submitted', 'accepted', 'dispatched', 'on_the_way', 'arrived', 'resolved', 'rated'])
  .describe('已提交 → 已受理 → 已派单 → 在路上 → 已到达 → 已处理 → 已评价')
export type RepairState = z.infer<typeof RepairState>

export const repairStateLabels: Record<RepairState, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  on_the_way: '在路上',
  arrived: '已到达',
  resolved: '已处理',
  rated: '已评价',
}

/** The work-order number the resident quotes on the phone. Lenient on input, 404 if unknown. */
export const RepairNo = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: '报修单号格式不正确' })

/** An uploaded photo's id (from the repair-photo upload). */
export const RepairPhotoId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '照片编号格式不正确' })

export const RepairSlotWindow = z.enum(['am', 'pm']).describe('am 09:00–12:00, pm 14:00–18:00')
export type RepairSlotWindow = z.infer<typeof RepairSlotWindow>

/** A preferred visit time: a day and a half-day window. */
export const RepairSlot = z.object({ date: LocalDate, window: RepairSlotWindow })
export type RepairSlot = z.infer<typeof RepairSlot>

/** A slot as offered on the form and as shown on a report. */
export const RepairSlotOption = RepairSlot.extend({
  /** 11月27日 周五 上午 9:00–12:00 */
  label: z.string(),
  /** false: that window is fully booked in the account's district. */
  available: z.boolean(),
})
export type RepairSlotOption = z.infer<typeof RepairSlotOption>

export const MAX_REPAIR_PHOTOS = 6

export const CreateRepairRequest = z
  .object({
    kind: RepairKind,
    /** May be empty for an urgent kind (the kind says it all); required otherwise. */
    description: plainText(z.string().trim().max(500, { message: '故障描述最多500个字' })),
    photoIds: z
      .array(RepairPhotoId)
      .max(MAX_REPAIR_PHOTOS, { message: `最多上传${MAX_REPAIR_PHOTOS}张照片` })
      .default([]),
    slot: RepairSlot.optional(),
    /** Contact phone for the technician; the caller's own phone when left out. */
    phone: MobilePhone.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const urgent = isUrgentRepairKind(value.kind)
    if (!urgent && value.description === '') {
      ctx.addIssue({ code: 'custom', path: ['description'], message: '请描述一下故障情况' })
    }
    if (urgent && value.slot) {
      ctx.addIssue({
        code: 'custom',
        path: ['slot'],
        message: '紧急报修会尽快派人上门，不需要预约时间',
      })
    }
  })
export type CreateRepairRequest = z.input<typeof CreateRepairRequest>

export const RepairTechnician = z.object({
  /** Surname + 师傅, e.g. 王师傅. */
  name: z.string(),
  team: z.string(),
  phoneMasked: z.string(),
  /** The number the resident may dial: a relay (隐私号) for this order or the dispatch desk. */
  callNumber: z.string(),
  /** What that number is, e.g. 拨打后由调度台转接师傅. */
  callNote: z.string(),
})
export type RepairTechnician = z.infer<typeof RepairTechnician>

export const RepairEventType = z.enum([...RepairState.options, 'escalated', 'urged', 'reopened'])
export type RepairEventType = z.infer<typeof RepairEventType>

/** One thing that happened to the report, oldest first. */
export const RepairEvent = z.object({
  type: RepairEventType,
  /** 已受理, 超时未受理，已升级督办, 已催单, 已重新处理 … */
  label: z.string(),
  /** More words for the resident: who is coming and when, what happens next; null when none. */
  detail: z.string().nullable(),
  at: IsoDateTime,
})
export type RepairEvent = z.infer<typeof RepairEvent>

/** The fixed steps from 已提交 to 已评价, for a progress bar. */
export const RepairProgressStep = z.object({
  state: RepairState,
  label: z.string(),
  /** When the step was (last) reached; null for a step still ahead. */
  at: IsoDateTime.nullable(),
  done: z.boolean(),
})
export type RepairProgressStep = z.infer<typeof RepairProgressStep>

export const RepairEscalation = z.object({
  /** 1: the station supervises (督办); 2: the customer-service centre supervises. */
  level: z.number().int().min(1),
  label: z.string(),
  /** What happens next, in Chinese. */
  detail: z.string(),
  at: IsoDateTime,
})
export type RepairEscalation = z.infer<typeof RepairEscalation>

export const RepairRating = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  ratedAt: IsoDateTime,
})
export type RepairRating = z.infer<typeof RepairRating>

/** What the resident may do with the report now. */
export const RepairActions = z.object({
  canUrge: z.boolean(),
  /** When 催单 is possible again after an urge; null when it is possible now or no longer. */
  nextUrgeAt: IsoDateTime.nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  /** Last moment to reopen (7 days after 已处理); null before it is resolved. */
  reopenUntil: IsoDateTime.nullable(),
})
export type RepairActions = z.infer<typeof RepairActions>

export const Repair = z.object({
  repairNo: RepairNo,
  accountNo: AccountNo,
  kind: RepairKind,
  kindLabel: z.string(),
  urgent: z.boolean(),
  state: RepairState,
  stateLabel: z.string(),
  /** What the resident can do or expect now (for a leak: what to do while waiting). */
  hint: z.string().nullable(),
  description: z.string(),
  photoIds: z.array(RepairPhotoId),
  addressMasked: z.string(),
  contactPhoneMasked: z.string(),
  slot: RepairSlotOption.omit({ available: true }).nullable(),
  createdAt: IsoDateTime,
  /** The report must be accepted by then (SLA); past it, it is escalated. */
  acceptanceDueAt: IsoDateTime,
  escalation: RepairEscalation.nullable(),
  technician: RepairTechnician.nullable(),
  /** on_the_way: expected arrival. */
  etaAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  rating: RepairRating.nullable(),
  progress: z.array(RepairProgressStep),
  timeline: z.array(RepairEvent).describe('oldest first'),
  actions: RepairActions,
})
export type Repair = z.infer<typeof Repair>

export const RepairKindOption = z.object({
  kind: RepairKind,
  label: z.string(),
  urgent: z.boolean(),
  /** For urgent kinds: what to do right now, before anyone arrives. */
  advice: z.string().nullable(),
})
export type RepairKindOption = z.infer<typeof RepairKindOption>

/** Everything the report form needs to pre-fill itself. */
export const RepairOptions = z.object({
  kinds: z.array(RepairKindOption),
  addressMasked: z.string(),
  /** The caller's phone, masked; the report uses it when no other phone is given. */
  phoneMasked: z.string().nullable(),
  /** Non-urgent kinds only: the next days' half-day windows. */
  slots: z.array(RepairSlotOption),
  maxPhotos: z.number().int(),
  /** 24-hour emergency line. */
  hotline: z.string(),
})
export type RepairOptions = z.infer<typeof RepairOptions>

export const RateRepairRequest = z
  .object({
    stars: z.number().int().min(1, { message: '请选择1到5星' }).max(5, { message: '请选择1到5星' }),
    comment: plainText(z.string().trim().max(200, { message: '评价最多200个字' })).optional(),
  })
  .strict()
export type RateRepairRequest = z.input<typeof RateRepairRequest>

export const ReopenRepairRequest = z
  .object({
    reason: plainText(
      z
        .string()
        .trim()
        .min(1, { message: '请说明还有什么问题' })
        .max(200, { message: '说明最多200个字' }),
    ),
  })
  .strict()
export type ReopenRepairRequest = z.input<typeof ReopenRepairRequest>

const RepairParams = AccountParams.extend({ repairNo: RepairNo })
const common = { tag: 'repairs', auth: 'user', accountScoped: true } as const
const base = '/accounts/:accountNo/repairs'

export const getRepairOptions = defineRoute({
  ...common,
  id: 'getRepairOptions',
  method: 'get',
  path: '/accounts/:accountNo/repair-options',
  summary:
    'What the report form offers: kinds (urgent ones marked), the account’s address and the caller’s phone masked, preferred slots for the next days',
  idempotent: false,
  params: AccountParams,
  response: RepairOptions,
})

export const createRepair = defineRoute({
  ...common,
  id: 'createRepair',
  method: 'post',
  path: base,
  summary:
    'Reports a fault (报修). The same Idempotency-Key answers the same report; a retry after a lost answer makes no second work order',
  idempotent: true,
  params: AccountParams,
  body: CreateRepairRequest,
  response: Repair,
})

export const listRepairs = defineRoute({
  ...common,
  id: 'listRepairs',
  method: 'get',
  path: base,
  summary: 'Every report of the account, newest first, with timelines',
  idempotent: false,
  params: AccountParams,
  response: z.object({ repairs: z.array(Repair) }),
})

export const getRepair = defineRoute({
  ...common,
  id: 'getRepair',
  method: 'get',
  path: `${base}/:repairNo`,
  summary: 'One report with its timeline, technician and ETA',
  idempotent: false,
  params: RepairParams,
  response: Repair,
})

export const urgeRepair = defineRoute({
  ...common,
  id: 'urgeRepair',
  method: 'post',
  path: `${base}/:repairNo/urge`,
  summary:
    '催单: once per SLA period while the report is open; a second one inside the period is refused (REPAIR_URGE_TOO_SOON, retryAfterSeconds)',
  idempotent: true,
  params: RepairParams,
  response: Repair,
})

export const rateRepair = defineRoute({
  ...common,
  id: 'rateRepair',
  method: 'post',
  path: `${base}/:repairNo/rating`,
  summary: 'Rates a report once it is 已处理 (1–5 stars, optional comment)',
  idempotent: true,
  params: RepairParams,
  body: RateRepairRequest,
  response: Repair,
})

export const reopenRepair = defineRoute({
  ...common,
  id: 'reopenRepair',
  method: 'post',
  path: `${base}/:repairNo/reopen`,
  summary: 'The fault is back: reopens a report within 7 days of 已处理; it goes back to dispatch',
  idempotent: true,
  params: RepairParams,
  body: ReopenRepairRequest,
  response: Repair,
})
