import { z } from 'zod'
import { AccountNo, AccountParams, IsoDateTime } from './common'
import { UploadedFile } from './files'
import { REPAIR_PHOTO_MAX_BYTES, repairPhotoMediaTypes } from './repair-photos'
import { RepairPhotoId, RepairSlotWindow } from './repairs'
import { defineRoute } from './route'

/**
 * 报装 and 通气点火: a household applies for a gas connection with photos of its documents, the
 * utility surveys the address and installs a meter, which issues an account number (户号) that
 * is bound to the applicant at once; the applicant then books the ignition visit (通气点火, with
 * a safety check) and can top up straight away. A first connection has no account yet, so its
 * documents are uploaded to the applicant's own upload scope; an account holder applying for
 * another connection may use the account's photos. Documents are never shown back.
 */

/** The service territory's districts, as the utility takes applications. */
export const CONNECTION_DISTRICTS = [
  '长安区',
  '桥西区',
  '新华区',
  '裕华区',
  '藁城区',
  '鹿泉区',
  '栾城区',
] as const
export const ConnectionDistrict = z.enum(CONNECTION_DISTRICTS, { message: '请选择所在城区' })

export const ConnectionDocumentKind = z
  .enum(['property', 'id_card'])
  .describe('property: 房产证或购房合同; id_card: 身份证')
export type ConnectionDocumentKind = z.infer<typeof ConnectionDocumentKind>

export const CONNECTION_DOCUMENT_LABELS: Record<ConnectionDocumentKind, string> = {
  property: '房产证或购房合同',
  id_card: '身份证',
}

export const ConnectionDocument = z.object({ kind: ConnectionDocumentKind, photoId: RepairPhotoId })

export const ApplyConnectionRequest = z
  .object({
    applicantName: z
      .string()
      .trim()
      .min(2, { message: '请填写申请人姓名' })
      .max(20, { message: '姓名最多20个字' }),
    phone: z.string().regex(/^1\d{10}$/, { message: '请填写11位手机号码' }),
    district: ConnectionDistrict,
    addressDetail: z
      .string()
      .trim()
      .min(4, { message: '请填写详细地址（小区、楼号、单元、门牌号）' })
      .max(60, { message: '地址最多60个字' }),
    documents: z.array(ConnectionDocument).min(2).max(6),
  })
  .refine(
    (r) => ConnectionDocumentKind.options.every((k) => r.documents.some((d) => d.kind === k)),
    { message: '请上传房产证（或购房合同）和身份证照片', path: ['documents'] },
  )
export type ApplyConnectionRequest = z.infer<typeof ApplyConnectionRequest>

export const ConnectionStatus = z
  .enum(['submitted', 'surveyed', 'meter_installed', 'ignition_booked', 'ignited'])
  .describe('已受理 → 已勘察 → 表已安装（户号已开） → 已预约通气点火 → 已通气')
export type ConnectionStatus = z.infer<typeof ConnectionStatus>

export const ConnectionStep = z.object({
  status: ConnectionStatus,
  label: z.string(),
  done: z.boolean(),
  at: IsoDateTime.nullable(),
})

export const ConnectionApplication = z.object({
  applicationId: z.string(),
  status: ConnectionStatus,
  statusLabel: z.string(),
  /** What happens next, in a sentence. */
  next: z.string(),
  appliedAt: IsoDateTime,
  applicantMasked: z.string(),
  addressMasked: z.string(),
  /** Which documents were handed in; the photos themselves are never shown back. */
  documents: z.array(z.object({ kind: ConnectionDocumentKind, label: z.string() })),
  steps: z.array(ConnectionStep),
  /** The account the installed meter opened, bound to the applicant; null before. */
  accountNo: AccountNo.nullable(),
  /** The account the application was made from, for another connection of a holder. */
  fromAccountNo: AccountNo.nullable(),
})
export type ConnectionApplication = z.infer<typeof ConnectionApplication>

export const ConnectionApplications = z.object({ items: z.array(ConnectionApplication) })

export const ConnectionDocumentUpload = z.object({ photoId: RepairPhotoId })

export const IgnitionSlot = z.object({
  slotId: z.string(),
  date: z.string(),
  window: RepairSlotWindow,
  /** '12月8日 上午 9:00–12:00' */
  label: z.string(),
  available: z.boolean(),
})
export type IgnitionSlot = z.infer<typeof IgnitionSlot>

export const IgnitionSafetyItem = z.object({ label: z.string(), passed: z.boolean() })

export const Ignition = z.object({
  accountNo: AccountNo,
  /** not_ready: the meter is not installed; open: to book; booked; done: gas is on. */
  status: z.enum(['not_ready', 'open', 'booked', 'done']),
  statusLabel: z.string(),
  slots: z.array(IgnitionSlot),
  booking: z
    .object({ slotId: z.string(), label: z.string(), technician: z.string().nullable() })
    .nullable(),
  /** The visit's safety check, recorded with the account. */
  result: z
    .object({
      doneAt: IsoDateTime,
      passed: z.boolean(),
      items: z.array(IgnitionSafetyItem),
      note: z.string(),
    })
    .nullable(),
  /** Gas is on: the page offers 立即充值 at once. */
  offerTopUp: z.boolean(),
})
export type Ignition = z.infer<typeof Ignition>

export const BookIgnitionRequest = z.object({ slotId: z.string().min(1).max(40) })

const common = { tag: 'connections', auth: 'user' } as const

export const uploadConnectionDocument = defineRoute({
  ...common,
  accountScoped: false,
  id: 'uploadConnectionDocument',
  method: 'post',
  path: '/connections/documents',
  summary:
    'Uploads one photo of a document for a first connection (multipart field `file`), kept in the applicant’s own scope; it is never shown back',
  idempotent: true,
  replay: 'resource',
  upload: {
    field: 'file',
    maxBytes: REPAIR_PHOTO_MAX_BYTES,
    mediaTypes: repairPhotoMediaTypes,
    tooLarge: 'PHOTO_TOO_LARGE',
    missing: 'PHOTO_MISSING',
  },
  body: z.object({ file: UploadedFile.max(REPAIR_PHOTO_MAX_BYTES) }),
  response: ConnectionDocumentUpload,
})

export const applyConnection = defineRoute({
  ...common,
  accountScoped: false,
  id: 'applyConnection',
  method: 'post',
  path: '/connections',
  summary: 'Applies for a first gas connection (报装) for the logged-in resident',
  idempotent: true,
  body: ApplyConnectionRequest,
  response: ConnectionApplication,
})

export const listConnections = defineRoute({
  ...common,
  accountScoped: false,
  id: 'listConnections',
  method: 'get',
  path: '/connections',
  summary:
    'The resident’s connection applications; once a meter is installed its account is bound to them',
  idempotent: false,
  response: ConnectionApplications,
})

export const applyAccountConnection = defineRoute({
  ...common,
  accountScoped: true,
  id: 'applyAccountConnection',
  method: 'post',
  path: '/accounts/:accountNo/connections',
  summary: 'Applies for another connection from an account (documents from its repair photos)',
  idempotent: true,
  params: AccountParams,
  body: ApplyConnectionRequest,
  response: ConnectionApplication,
})

export const listAccountConnections = defineRoute({
  ...common,
  accountScoped: true,
  id: 'listAccountConnections',
  method: 'get',
  path: '/accounts/:accountNo/connections',
  summary: 'Connection applications made from the account or that opened it',
  idempotent: false,
  params: AccountParams,
  response: ConnectionApplications,
})

export const getIgnition = defineRoute({
  ...common,
  accountScoped: true,
  id: 'getIgnition',
  method: 'get',
  path: '/accounts/:accountNo/ignition',
  summary: 'The ignition visit (通气点火): slots to book, the booking, and its safety check',
  idempotent: false,
  params: AccountParams,
  response: Ignition,
})

export const bookIgnition = defineRoute({
  ...common,
  accountScoped: true,
  id: 'bookIgnition',
  method: 'post',
  path: '/accounts/:accountNo/ignition',
  summary: 'Books (or moves) the ignition visit in a slot from the work-order system',
  idempotent: true,
  params: AccountParams,
  body: BookIgnitionRequest,
  response: Ignition,
})

export const connectionRoutes = {
  uploadConnectionDocument,
  applyConnection,
  listConnections,
  applyAccountConnection,
  listAccountConnections,
  getIgnition,
  bookIgnition,
} as const
