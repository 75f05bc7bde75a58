import { z } from 'zod'
import { defineRoute } from './route'
import { AccountParams, IsoDateTime } from './common'
import { LocalDate } from './bills'

/**
 * 安全自查 and 入户安检: the resident checks their own gas appliances against a short list
 * (报警器, 软管, 灶具熄火保护, 热水器排烟), is told why a risky answer matters and when a hose or
 * an appliance is past its service life; and books, moves or cancels the utility's home safety
 * inspection. A suspended account (安检不合格已停气) sees what failed and books the re-inspection;
 * once it passes, gas is back.
 */

/** 'YYYY-MM': residents remember the month a hose or an alarm went in, rarely the day. */
export const InstalledMonth = z
  .string()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { message: '请选择安装年月' })

const YesNoUnknown = z.enum(['yes', 'no', 'unknown'])

export const HoseType = z
  .enum(['metal', 'rubber', 'unknown'])
  .describe('metal 金属波纹管, rubber 橡胶软管, unknown 不清楚')
export type HoseType = z.infer<typeof HoseType>

export const Venting = z
  .enum(['flue', 'forced', 'none', 'unknown'])
  .describe('flue 烟道直排室外, forced 强排（带风机）, none 没有烟道, unknown 不清楚')
export type Venting = z.infer<typeof Venting>

/** The resident's answers; a section the home does not need (no water heater) stays null. */
export const SelfCheckAnswers = z
  .object({
    alarm: z
      .object({
        present: z.boolean().describe('a gas leak alarm (燃气报警器) is installed'),
        working: YesNoUnknown.nullable().describe('its self-test lights and sounds; null: none'),
        installedOn: InstalledMonth.nullable(),
      })
      .strict(),
    hose: z.object({ type: HoseType, installedOn: InstalledMonth.nullable() }).strict(),
    stove: z
      .object({
        flameFailure: YesNoUnknown.describe('熄火保护: the gas stops when the flame dies'),
      })
      .strict()
      .nullable(),
    waterHeater: z.object({ venting: Venting }).strict().nullable(),
  })
  .strict()
export type SelfCheckAnswers = z.infer<typeof SelfCheckAnswers>

export const SafetyItem = z.enum(['alarm', 'hose', 'stove', 'water_heater'])
export type SafetyItem = z.infer<typeof SafetyItem>

export const SelfCheckRisk = z.object({
  item: SafetyItem,
  /** 橡胶软管已超过18个月 */
  title: z.string(),
  /** Why it matters and what to do, in a sentence or two. */
  why: z.string(),
})

export const ServiceLife = z.object({
  item: SafetyItem,
  /** 橡胶软管, 燃气报警器, 燃气热水器 */
  label: z.string(),
  /** The day it reaches its service life. */
  dueOn: LocalDate,
  due: z.boolean().describe('the day has come: replace it'),
})

export const ApplianceOnRecord = z.object({
  kind: z.enum(['stove', 'water_heater', 'wall_boiler']),
  /** 燃气灶, 燃气热水器, 燃气壁挂炉 */
  label: z.string(),
  model: z.string(),
  installedOn: LocalDate,
})

export const SelfCheck = z.object({
  /** What the inspectors recorded in the home: the list asks only about these. */
  appliances: z.array(ApplianceOnRecord),
  asks: z.object({ stove: z.boolean(), waterHeater: z.boolean() }),
  answers: SelfCheckAnswers.nullable().describe('null until the first check is saved'),
  checkedAt: IsoDateTime.nullable(),
  risks: z.array(SelfCheckRisk),
  serviceLife: z.array(ServiceLife),
  /** A risk was found: the page offers to book an inspection. */
  suggestInspection: z.boolean(),
})
export type SelfCheck = z.infer<typeof SelfCheck>

export const InspectionSlotWindow = z.enum(['am', 'pm']).describe('am 09:00–12:00, pm 14:00–18:00')
export const InspectionSlot = z.object({ date: LocalDate, window: InspectionSlotWindow })
export type InspectionSlot = z.infer<typeof InspectionSlot>

export const InspectionSlotOption = InspectionSlot.extend({
  /** 12月7日 周一 上午 9:00–12:00 */
  label: z.string(),
  available: z.boolean(),
})

export const InspectionFinding = z.object({
  item: z.string(),
  severity: z.enum(['hazard', 'advice']),
  /** 隐患 or 建议 */
  severityLabel: z.string(),
  note: z.string(),
})

export const InspectionState = z
  .enum(['booked', 'passed', 'failed', 'cancelled'])
  .describe('已预约, 合格, 不合格, 已取消')

export const InspectionVisit = z.object({
  inspectionId: z.string(),
  kind: z.enum(['routine', 're_inspection']),
  /** 定期安检 or 复检 */
  kindLabel: z.string(),
  state: InspectionState,
  stateLabel: z.string(),
  slot: InspectionSlot.nullable(),
  /** 12月7日 周一 上午 9:00–12:00, or the day it was done */
  whenLabel: z.string(),
  completedAt: IsoDateTime.nullable(),
  findings: z.array(InspectionFinding),
  supplyRestored: z.boolean(),
})
export type InspectionVisit = z.infer<typeof InspectionVisit>

export const Inspections = z.object({
  supply: z
    .enum(['normal', 'suspended', 'restored'])
    .describe('suspended: 安检不合格已停气; restored: a passed re-inspection turned it back on'),
  /** The last inspection done (passed or failed), with its findings. */
  last: InspectionVisit.nullable(),
  /** The booked next one. */
  next: InspectionVisit.nullable(),
  /** Booking it now makes a 复检. */
  nextKind: z.enum(['routine', 're_inspection']),
  slots: z.array(InspectionSlotOption),
})
export type Inspections = z.infer<typeof Inspections>

export const InspectionAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('book'), slot: InspectionSlot }).strict(),
  z
    .object({
      action: z.literal('reschedule'),
      inspectionId: z.string().max(32),
      slot: InspectionSlot,
    })
    .strict(),
  z.object({ action: z.literal('cancel'), inspectionId: z.string().max(32) }).strict(),
])
export type InspectionAction = z.input<typeof InspectionAction>

const common = { tag: 'safety', auth: 'user', accountScoped: true } as const

export const getSelfCheck = defineRoute({
  ...common,
  id: 'getSelfCheck',
  method: 'get',
  path: '/accounts/:accountNo/self-check',
  summary:
    '安全自查: the questions for the appliances on record, the saved answers, the risks they show and when a hose or an appliance reaches its service life',
  idempotent: false,
  params: AccountParams,
  response: SelfCheck,
})

export const saveSelfCheck = defineRoute({
  ...common,
  id: 'saveSelfCheck',
  method: 'put',
  path: '/accounts/:accountNo/self-check',
  summary:
    'Saves the account’s self-check answers (one set per account, the latest wins) and answers the risks they show',
  idempotent: true,
  params: AccountParams,
  body: SelfCheckAnswers,
  response: SelfCheck,
})

export const getInspections = defineRoute({
  ...common,
  id: 'getInspections',
  method: 'get',
  path: '/accounts/:accountNo/inspections',
  summary:
    '入户安检: the last inspection and its findings, the booked next one, the slots it can take, and whether gas is stopped or back',
  idempotent: false,
  params: AccountParams,
  response: Inspections,
})

export const changeInspection = defineRoute({
  ...common,
  id: 'changeInspection',
  method: 'post',
  path: '/accounts/:accountNo/inspections',
  summary:
    'Books the next inspection in a slot (a 复检 after a failed one), moves it to another slot or cancels it; answers the page as it is after',
  idempotent: true,
  params: AccountParams,
  body: InspectionAction,
  response: Inspections,
})

export const safetyCheckRoutes = {
  getSelfCheck,
  saveSelfCheck,
  getInspections,
  changeInspection,
} as const
