import type { Repair, RepairKind } from '@gh/shared'
import { pages } from '../navigation/pages'
import { sharePath, type ShareCard } from '../navigation/share'

/** The report form, for a kind and an account when known. */
export const reportUrl = (kind?: RepairKind, accountNo?: string) =>
  sharePath(pages.repairReport, { kind, accountNo })

/** The safety screen shown before a leak or CO report. */
export const safetyUrl = (kind: RepairKind) => sharePath(pages.repairSafety, { kind })

export const listUrl = (accountNo?: string) => sharePath(pages.repairList, { accountNo })

export const detailUrl = (repair: Pick<Repair, 'accountNo' | 'repairNo'>) =>
  sharePath(pages.repairDetail, { accountNo: repair.accountNo, repairNo: repair.repairNo })

/** What 请家人帮忙 sends from a report: the same report (a family member with the account sees it). */
export const repairShareCard = (repair: Pick<Repair, 'accountNo' | 'repairNo'>): ShareCard => ({
  title: '请帮我看看报修进度',
  path: detailUrl(repair),
})
