import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'
import { BillLine, LocalDate } from './bills'
import { RepairPhotoId } from './repairs'

/**
 * 供暖: a district-heating household's season, its fee and the rules behind it, 报停 / 恢复供暖
 * applications with what they do to the fee before anything is submitted, and 室温不达标
 * complaints from the reading to the measurement visit, the result and the compensation
 * credited on the next bill. Every refusal says the rule in Chinese; money is integer fen,
 * temperatures integer tenths of a degree (165 = 16.5 ℃), areas integer dm² (0.01 m²).
 */

export const HeatingSeason = z.object({
  /** The calendar year the season starts in. */
  year: z.number().int(),
  /** '2026-2027 采暖季' */
  label: z.string(),
  startsOn: LocalDate,
  endsOn: LocalDate,
  days: z.number().int(),
  /** Where today falls: before the season starts, in it, or after it ended. */
  phase: z.enum(['before', 'in', 'after']),
})
export type HeatingSeason = z.infer<typeof HeatingSeason>

export const HeatingSeasonRef = HeatingSeason.pick({ year: true, label: true })
export type HeatingSeasonRef = z.infer<typeof HeatingSeasonRef>

export const HeatingSupply = z.object({
  /** resuming: 报停 this season, heat coming back on `heatedFrom`. */
  state: z.enum(['heated', 'stopped', 'resuming']),
  /** '正常供暖', '本季已报停', '12月3日起恢复供暖' */
  label: z.string(),
  heatedFrom: LocalDate.nullable(),
})
export type HeatingSupply = z.infer<typeof HeatingSupply>

export const HeatingFeeStatus = z.object({
  /** area: 建筑面积 × 单价 (the only basis billing has now); metered: 计量热费. */
  basis: z.enum(['area', 'metered']),
  areaDm2: z.number().int().nullable(),
  priceFenPerM2: Fen.nullable().describe('per m² per full season'),
  /** The season's heating charge after 报停 / 恢复供暖, before any credit or late fee. */
  seasonFeeFen: Fen,
  /** 室温不达标 compensation taken off this season's bill (≤ 0). */
  creditFen: Fen,
  lateFeeFen: Fen,
  paidFen: Fen,
  outstandingFen: Fen,
  /** Null before the season's bill is issued (1 October). */
  billId: z.string().nullable(),
  dueAt: IsoDateTime.nullable(),
  /** '建筑面积 98.56 m² × 22.80 元/m² = 2,247.17 元' */
  formula: z.string(),
  /** The bill's lines, each explained; empty before the bill is issued. */
  lines: z.array(BillLine),
  /** 热计量 (basis metered): the two-part price and this season's heat so far. */
  metered: z
    .object({
      basicPercent: z.number().int().min(0).max(100),
      basicFeeFen: Fen,
      priceFenPerGj: Fen,
      /** This season's heat so far, MJ (0.001 GJ). */
      seasonHeatMj: z.number().int().min(0),
      meteredFeeSoFarFen: Fen,
      readAt: IsoDateTime,
    })
    .optional(),
})
export type HeatingFeeStatus = z.infer<typeof HeatingFeeStatus>

export const HeatingRules = z.object({
  fee: z.string(),
  stop: z.string(),
  resume: z.string(),
  temperature: z.string(),
})
export type HeatingRules = z.infer<typeof HeatingRules>

/** Whether something can be done now; when not, the rule's own reason. */
export const HeatingAbility = z.object({
  canApply: z.boolean(),
  /** The error code an attempt would get now (HEATING_STOP_WINDOW_CLOSED, HEATING_IN_ARREARS…). */
  code: z.string().nullable(),
  reason: z.string().nullable(),
})
export type HeatingAbility = z.infer<typeof HeatingAbility>

export const HeatingComplaintSummary = z.object({
  complaintId: z.string(),
  statusLabel: z.string(),
})

export const HeatingOverview = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  season: HeatingSeason,
  supply: HeatingSupply,
  fee: HeatingFeeStatus,
  rules: HeatingRules,
  /** 报停 for the season whose application window is open now, else the next one. */
  stop: HeatingAbility.extend({ season: HeatingSeasonRef }),
  resume: HeatingAbility,
  complaint: HeatingAbility.extend({ open: HeatingComplaintSummary.nullable() }),
})
export type HeatingOverview = z.infer<typeof HeatingOverview>

export const HeatingApplicationKind = z.enum(['stop', 'resume']).describe('报停 / 恢复供暖')
export type HeatingApplicationKind = z.infer<typeof HeatingApplicationKind>

/** What an application does to the season's fee, shown before it is submitted. */
export const HeatingFeeEffect = z.object({
  feeBeforeFen: Fen,
  feeAfterFen: Fen,
  /** feeAfter − feeBefore: negative when the household pays less. */
  changeFen: Fen,
  /** Already paid on the season's bill (0 before it is issued). */
  paidFen: Fen,
  /** Still to pay for the season afterwards. */
  toPayFen: Fen,
  /** Paid beyond the new fee, kept as 预存 for the next bills. */
  toPrepaymentFen: Fen,
  /** '报停后本季热费由 2,247.17 元降为 674.15 元……' */
  explanation: z.string(),
})
export type HeatingFeeEffect = z.infer<typeof HeatingFeeEffect>

export const HeatingOffer = HeatingAbility.extend({
  kind: HeatingApplicationKind,
  /** '报停' | '恢复供暖' */
  kindLabel: z.string(),
  season: HeatingSeasonRef,
  /** When applications are taken, e.g. '2027年9月1日至10月31日'. */
  windowText: z.string(),
  /** 恢复供暖: the first day heated if applied for now. */
  heatedFrom: LocalDate.nullable(),
  /** Null when the application cannot apply to this household at all. */
  effect: HeatingFeeEffect.nullable(),
})
export type HeatingOffer = z.infer<typeof HeatingOffer>

export const HeatingStep = z.object({
  label: z.string(),
  /** When it happened, or is due; null when not known. */
  at: IsoDateTime.nullable(),
  done: z.boolean(),
})
export type HeatingStep = z.infer<typeof HeatingStep>

export const HeatingApplicationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, { message: '申请编号格式不正确' })

export const HeatingApplication = z.object({
  applicationId: HeatingApplicationId,
  kind: HeatingApplicationKind,
  kindLabel: z.string(),
  season: HeatingSeasonRef,
  status: z.enum(['active', 'cancelled']),
  /** '已受理', '已生效', '已撤回' */
  statusLabel: z.string(),
  appliedAt: IsoDateTime,
  cancelledAt: IsoDateTime.nullable(),
  heatedFrom: LocalDate.nullable(),
  /** The season's fee while this application stands. */
  seasonFeeFen: Fen,
  canCancel: z.boolean(),
  cancelUntil: IsoDateTime,
  /** '2027年10月31日前可撤回' or why it no longer can be. */
  cancelNote: z.string(),
  steps: z.array(HeatingStep),
})
export type HeatingApplication = z.infer<typeof HeatingApplication>

export const HeatingStops = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  stop: HeatingOffer,
  resume: HeatingOffer,
  /** Newest first. */
  applications: z.array(HeatingApplication),
})
export type HeatingStops = z.infer<typeof HeatingStops>

export const CreateHeatingStopRequest = z
  .object({
    kind: HeatingApplicationKind,
    seasonYear: z.number().int().min(2000).max(2100),
    /** The fee after the application, as shown to the resident; a different one is refused. */
    expectedFeeFen: Fen.min(0),
  })
  .strict()
export type CreateHeatingStopRequest = z.infer<typeof CreateHeatingStopRequest>

/** Tenths of a degree Celsius; the form takes 5.0–30.0 ℃. */
export const TemperatureTenths = z
  .number()
  .int({ message: '温度精确到0.1℃' })
  .min(50, { message: '温度不能低于5℃' })
  .max(300, { message: '温度不能高于30℃' })

export const HeatingCompensationBand = z.object({
  belowTenths: z.number().int(),
  percent: z.number().int(),
  /** A day's compensation for this household in the band. */
  perDayFen: Fen,
  /** '低于18℃：每天补偿日热费的50%（9.29 元）' */
  text: z.string(),
})

export const HeatingComplaintRule = z.object({
  standardTenths: z.number().int(),
  bands: z.array(HeatingCompensationBand),
  fixWithinDays: z.number().int(),
  dailyFeeFen: Fen,
  /** '98.56 m² × 22.80 元/m² ÷ 121 天 = 18.57 元' */
  dailyFeeFormula: z.string(),
  /** The whole rule in one passage. */
  text: z.string(),
})
export type HeatingComplaintRule = z.infer<typeof HeatingComplaintRule>

export const HeatingVisitSlot = z.object({
  slotId: z.string().regex(/^\d{8}-(am|pm|ev)$/, { message: '请选择上门测温时间' }),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** '11月27日 周五 上午 9:00–12:00' */
  label: z.string(),
})
export type HeatingVisitSlot = z.infer<typeof HeatingVisitSlot>

export const HeatingCompensation = z.object({
  fromDate: LocalDate,
  toDate: LocalDate,
  days: z.number().int(),
  percent: z.number().int(),
  amountFen: Fen,
  /** '98.56 m² × 22.80 元/m² ÷ 121 天 × 3 天 × 50% = 27.86 元' */
  explanation: z.string(),
  billId: z.string(),
  /** The day the bill carrying it is issued. */
  creditOn: LocalDate,
  credited: z.boolean(),
  /** '将在2027年10月1日出账的下一采暖季账单中扣减' or '已在账单中扣减' */
  note: z.string(),
})
export type HeatingCompensation = z.infer<typeof HeatingCompensation>

export const HeatingComplaintStatus = z.enum([
  'scheduled',
  'up_to_standard',
  'fixing',
  'resolved',
  'credited',
])
export type HeatingComplaintStatus = z.infer<typeof HeatingComplaintStatus>

export const HeatingComplaint = z.object({
  complaintId: z.string(),
  season: HeatingSeasonRef,
  reportedAt: IsoDateTime,
  reportedTenths: z.number().int(),
  photoId: RepairPhotoId.nullable(),
  status: HeatingComplaintStatus,
  /** '待上门测温', '室温达标', '整改中', '已复测达标', '补偿已入账' */
  statusLabel: z.string(),
  visit: HeatingVisitSlot,
  measurement: z
    .object({
      measuredAt: IsoDateTime,
      measuredTenths: z.number().int(),
      belowStandard: z.boolean(),
      percent: z.number().int(),
    })
    .nullable(),
  fixedAt: IsoDateTime.nullable(),
  /** The rule as it applies to the reported reading: what a confirmed day would bring. */
  expected: z.object({ percent: z.number().int(), perDayFen: Fen, text: z.string() }),
  compensation: HeatingCompensation.nullable(),
  steps: z.array(HeatingStep),
})
export type HeatingComplaint = z.infer<typeof HeatingComplaint>

export const HeatingComplaints = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  season: HeatingSeason,
  report: HeatingAbility,
  rule: HeatingComplaintRule,
  /** Visits that can be booked now, soonest first. */
  slots: z.array(HeatingVisitSlot),
  /** Newest first. */
  complaints: z.array(HeatingComplaint),
})
export type HeatingComplaints = z.infer<typeof HeatingComplaints>

export const CreateHeatingComplaintRequest = z
  .object({
    temperatureTenths: TemperatureTenths,
    slotId: HeatingVisitSlot.shape.slotId,
    /** A thermometer photo uploaded through the photo upload first. */
    photoId: RepairPhotoId.optional(),
  })
  .strict()
export type CreateHeatingComplaintRequest = z.infer<typeof CreateHeatingComplaintRequest>

export const HeatingStopParams = AccountParams.extend({ applicationId: HeatingApplicationId })
export const HeatingComplaintParams = AccountParams.extend({
  complaintId: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { message: '投诉编号格式不正确' }),
})

const common = { tag: 'heating', auth: 'user', accountScoped: true } as const
const base = '/accounts/:accountNo/heating'

export const getHeating = defineRoute({
  ...common,
  id: 'getHeating',
  method: 'get',
  path: base,
  summary:
    'The heating season, whether the home is heated or 报停, the season fee and what is paid, the rules in Chinese, and whether 报停 / 恢复供暖 / a 室温 complaint is possible now',
  idempotent: false,
  params: AccountParams,
  response: HeatingOverview,
})

export const listHeatingStops = defineRoute({
  ...common,
  id: 'listHeatingStops',
  method: 'get',
  path: `${base}/stops`,
  summary:
    '报停 and 恢复供暖: whether each can be applied for now (or why not), the fee effect before submitting, and the applications with their progress',
  idempotent: false,
  params: AccountParams,
  response: HeatingStops,
})

export const createHeatingStop = defineRoute({
  ...common,
  id: 'createHeatingStop',
  method: 'post',
  path: `${base}/stops`,
  summary:
    'Applies for 报停 (a whole season) or 恢复供暖; refused with the rule’s reason, or HEATING_FEE_CHANGED when the fee is no longer the one shown',
  idempotent: true,
  params: AccountParams,
  body: CreateHeatingStopRequest,
  response: HeatingApplication,
})

export const getHeatingStop = defineRoute({
  ...common,
  id: 'getHeatingStop',
  method: 'get',
  path: `${base}/stops/:applicationId`,
  summary: 'One 报停 / 恢复供暖 application and its progress',
  idempotent: false,
  params: HeatingStopParams,
  response: HeatingApplication,
})

export const cancelHeatingStop = defineRoute({
  ...common,
  id: 'cancelHeatingStop',
  method: 'post',
  path: `${base}/stops/:applicationId/cancel`,
  summary:
    'Withdraws an application while its rule allows (报停: within the window; 恢复: before heat returns)',
  idempotent: true,
  params: HeatingStopParams,
  response: HeatingApplication,
})

export const listHeatingComplaints = defineRoute({
  ...common,
  id: 'listHeatingComplaints',
  method: 'get',
  path: `${base}/complaints`,
  summary:
    '室温不达标: the published compensation rule with this home’s numbers, whether a report is taken now, the bookable measurement visits, and the complaints',
  idempotent: false,
  params: AccountParams,
  response: HeatingComplaints,
})

export const createHeatingComplaint = defineRoute({
  ...common,
  id: 'createHeatingComplaint',
  method: 'post',
  path: `${base}/complaints`,
  summary:
    'Reports a measured room temperature (with an optional thermometer photo) and books the measurement visit',
  idempotent: true,
  params: AccountParams,
  body: CreateHeatingComplaintRequest,
  response: HeatingComplaint,
})

export const getHeatingComplaint = defineRoute({
  ...common,
  id: 'getHeatingComplaint',
  method: 'get',
  path: `${base}/complaints/:complaintId`,
  summary: 'One 室温 complaint: its visit, result and compensation',
  idempotent: false,
  params: HeatingComplaintParams,
  response: HeatingComplaint,
})
