import type {
  AccountKind,
  HomeBalance,
  HomeBill,
  HomeDue,
  HomeHeating,
  HomePage,
  HomeRepair,
  HomeSectionName,
  PaymentOrder,
  SupplyNotice,
} from '@gh/shared'

/*
 * What 首页 shows for one account, decided from the BFF's sections without drawing anything:
 * the one number that matters (the headline), then a card per section, in the order a resident
 * needs them. Pure, so every decision is tested without rendering.
 */

const PREPAID: readonly AccountKind[] = ['iot_prepaid', 'ic_prepaid']

/** Sections that come only with some kinds of account; the others apply to every account. */
const ONLY_FOR: Partial<Record<HomeSectionName, readonly AccountKind[]>> = {
  balance: PREPAID,
  lastTopUp: PREPAID,
  latestBill: ['postpaid_gas', 'heating'],
  heating: ['heating'],
}

/** What an unavailable section is called on its card: "余额暂时无法显示". */
export const sectionTitles: Record<HomeSectionName, string> = {
  account: '户号信息',
  balance: '余额',
  due: '欠费',
  latestBill: '最新账单',
  lastTopUp: '最近一次充值',
  openRepair: '报修进度',
  supplyStops: '停气停暖通知',
  heating: '供暖信息',
}

/**
 * Whether a section can concern the account: an unavailable one gets its card only then (a
 * postpaid household is not told that its meter balance failed to load). Unknown kind: yes.
 */
export function mayApply(section: HomeSectionName, kind: AccountKind | undefined): boolean {
  const only = ONLY_FOR[section]
  return !only || kind === undefined || only.includes(kind)
}

export const isPrepaid = (kind: AccountKind | undefined) =>
  kind !== undefined && PREPAID.includes(kind)

/** The account's kind from the home answer, else from the bound-account list. */
export function kindOf(page: HomePage, fallback: AccountKind | undefined): AccountKind | undefined {
  const { account } = page.sections
  return account.status === 'ok' ? account.account.kind : fallback
}

/** '2026-11-26T01:00:00+08:00' → '2026-11-26', the calendar day in Beijing time. */
export function beijingDay(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso.slice(0, 10)
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
}

function dayNumber(day: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

/** How late what is owed is: days past the oldest due date, or the date to pay by. */
export type Lateness =
  { overdue: true; days: number | null } | { overdue: false; payBy: string | null }

/** `asOf` is when the BFF answered (never the phone's clock, which may be wrong). */
export function latenessOf(due: HomeDue, asOf: string): Lateness {
  if (!due.oldestDueAt)
    return due.overdue ? { overdue: true, days: null } : { overdue: false, payBy: null }
  const dueDay = beijingDay(due.oldestDueAt)
  if (!due.overdue) return { overdue: false, payBy: dueDay }
  const days = dayNumber(beijingDay(asOf)) - dayNumber(dueDay)
  return { overdue: true, days: days > 0 ? days : null }
}

/** '2026-12-15' → '12月15日'. */
export function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
}

/** Lateness in words for the screen: '已逾期 23 天' or '请在 12月15日 前缴清'. */
export function latenessText(lateness: Lateness): string | null {
  if (lateness.overdue) return lateness.days ? `已逾期 ${lateness.days} 天` : '已逾期'
  return lateness.payBy ? `请在 ${monthDay(lateness.payBy)} 前缴清` : null
}

/** The one thing at the top of 首页 (and huge in 长辈模式), with its one action. */
export type Headline =
  | { kind: 'owed'; due: HomeDue; lateness: Lateness }
  | { kind: 'balance'; balance: HomeBalance }
  | { kind: 'clear' }
  | { kind: 'unavailable'; section: 'balance' | 'due'; message: string }

export interface HomeView {
  kind: AccountKind | undefined
  headline: Headline
  cards: HomeCard[]
}

export type HomeCard =
  | { kind: 'unavailable'; section: HomeSectionName; title: string; message: string }
  | { kind: 'suspended' }
  | { kind: 'due'; due: HomeDue; lateness: Lateness }
  | { kind: 'balance'; balance: HomeBalance }
  | { kind: 'supplyStop'; notice: SupplyNotice }
  | { kind: 'topUp'; order: PaymentOrder }
  | { kind: 'repair'; repair: HomeRepair }
  | { kind: 'bill'; bill: HomeBill }
  | { kind: 'heating'; heating: HomeHeating }

function headlineOf(page: HomePage, kind: AccountKind | undefined): Headline {
  const { balance, due } = page.sections
  if (due.status === 'ok' && due.due && due.due.amountDueFen > 0) {
    return { kind: 'owed', due: due.due, lateness: latenessOf(due.due, page.generatedAt) }
  }
  if (balance.status === 'ok' && balance.balance)
    return { kind: 'balance', balance: balance.balance }
  // A prepaid household's number is its balance: that failing matters more than its bills.
  if (balance.status === 'unavailable' && isPrepaid(kind)) {
    return { kind: 'unavailable', section: 'balance', message: balance.message }
  }
  if (due.status === 'unavailable')
    return { kind: 'unavailable', section: 'due', message: due.message }
  if (balance.status === 'unavailable' && mayApply('balance', kind)) {
    return { kind: 'unavailable', section: 'balance', message: balance.message }
  }
  return { kind: 'clear' }
}

/** The sections the headline already shows, so no card repeats them. */
function shownByHeadline(headline: Headline): HomeSectionName | undefined {
  switch (headline.kind) {
    case 'owed':
    case 'clear':
      return 'due'
    case 'balance':
      return 'balance'
    case 'unavailable':
      return headline.section
  }
}

const ORDER: readonly HomeSectionName[] = [
  'account',
  'due',
  'balance',
  'supplyStops',
  'lastTopUp',
  'openRepair',
  'latestBill',
  'heating',
]

function cardsOf(
  section: HomeSectionName,
  page: HomePage,
  kind: AccountKind | undefined,
): HomeCard[] {
  const s = page.sections
  switch (section) {
    case 'account':
      return s.account.status === 'ok' && s.account.account.status === 'suspended'
        ? [{ kind: 'suspended' }]
        : []
    case 'due': {
      const due = s.due.status === 'ok' ? s.due.due : null
      // "Nothing owed" is news for a billed household only; a prepaid one reads its balance.
      if (!due || (due.amountDueFen <= 0 && isPrepaid(kind))) return []
      return [{ kind: 'due', due, lateness: latenessOf(due, page.generatedAt) }]
    }
    case 'balance':
      return s.balance.status === 'ok' && s.balance.balance
        ? [{ kind: 'balance', balance: s.balance.balance }]
        : []
    case 'supplyStops':
      return s.supplyStops.status === 'ok'
        ? s.supplyStops.notices
            .filter((notice) => notice.status !== 'ended')
            .map((notice) => ({ kind: 'supplyStop', notice }))
        : []
    case 'lastTopUp':
      return s.lastTopUp.status === 'ok' && s.lastTopUp.order
        ? [{ kind: 'topUp', order: s.lastTopUp.order }]
        : []
    case 'openRepair':
      return s.openRepair.status === 'ok' && s.openRepair.repair
        ? [{ kind: 'repair', repair: s.openRepair.repair }]
        : []
    case 'latestBill':
      return s.latestBill.status === 'ok' && s.latestBill.bill
        ? [{ kind: 'bill', bill: s.latestBill.bill }]
        : []
    case 'heating':
      return s.heating.status === 'ok' && s.heating.heating
        ? [{ kind: 'heating', heating: s.heating.heating }]
        : []
  }
}

/** The headline and the cards under it, in the order a resident needs them. */
export function homeView(page: HomePage, fallbackKind?: AccountKind): HomeView {
  const kind = kindOf(page, fallbackKind)
  const headline = headlineOf(page, kind)
  const skip = shownByHeadline(headline)
  const cards = ORDER.filter((section) => section !== skip).flatMap((section): HomeCard[] => {
    const answer = page.sections[section]
    if (answer.status === 'unavailable') {
      if (!mayApply(section, kind)) return []
      return [
        { kind: 'unavailable', section, title: sectionTitles[section], message: answer.message },
      ]
    }
    return cardsOf(section, page, kind)
  })
  return { kind, headline, cards }
}

/** Where the household stands in the heating season, in words shown and read alike. */
export function heatingState(heating: HomeHeating, asOf: string): string {
  if (!heating.heatedThisSeason) return '本季已申请停暖'
  if (heating.inSeason) return '正在供暖'
  return beijingDay(asOf) < heating.seasonStartsOn ? '还没有开始供暖' : '本供暖季已结束'
}

/** Why the balance may be older than now; null when the meter reports live. */
export function meterNote(balance: HomeBalance): string | null {
  if (balance.meterKind === 'ic') return 'IC卡表的余额以上次插卡时为准'
  if (balance.online === false) return '气表暂时没有联网，余额以上次上报为准'
  return null
}
