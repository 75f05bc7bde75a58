import { isPrepaid, type HomePage, type PaymentOrder } from '@gh/shared'
import { toAccountSummary } from '../accounts/account-summary'
import { cacheScope } from '../platform/cache/cache-kinds'
import type { ReadCache } from '../platform/cache/read-cache'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { BillingReads, TariffReads } from '../upstream/billing/billing-port'
import type { ContentPort } from '../upstream/content/content-port'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { MetersPort } from '../upstream/meters/meters-port'
import type { OpenRepair } from '../repairs/repair-service'
import {
  balanceOf,
  dueOf,
  heatingOf,
  latestBillOf,
  repairOf,
  supplyStopsOf,
  type GasOutlook,
} from './home-sections'
import { SectionDeadline } from './section-deadline'

/** What the home page reads; the upstream ones through the read cache. */
export interface HomeSources {
  customers: CustomersPort
  billing: BillingReads & TariffReads
  meters: MetersPort
  content: ContentPort
  /** The gas forecast behind "约可用 N 天"; null when a meter has too few readings. */
  outlooks: { outlook(meterNo: string): Promise<GasOutlook | null> }
  /** Our own payment orders: the account's newest top-up or bill payment. */
  orders: { latest(accountNo: string): Promise<PaymentOrder | null> }
  /** The account's newest repair not finished yet; none is shown without it. */
  openRepair?: (accountNo: string) => Promise<OpenRepair | null>
  /** Keeps what has no cached port of its own (the open repair) for its kind's TTL. */
  cache: ReadCache
}

const unavailable = {
  account: '户号信息暂时无法获取',
  balance: '余额信息暂时无法获取',
  due: '待缴费用暂时无法获取',
  latestBill: '账单信息暂时无法获取',
  lastTopUp: '充值缴费记录暂时无法获取',
  openRepair: '报修进度暂时无法获取',
  supplyStops: '停气停暖通知暂时无法获取',
  heating: '供暖信息暂时无法获取',
} as const

/**
 * 首页 of one account: every section is fetched at once and each stands alone: a slow or failed
 * upstream marks only the sections built on it unavailable, and the page never waits past the
 * budget. Answers shared by several sections (the account, billing's summary and bills) are
 * asked for once per page.
 */
export class HomeService {
  constructor(
    private readonly sources: HomeSources,
    private readonly now: () => Date,
    /** The whole page answers within this, whatever the upstreams do. */
    private readonly budgetMs: number,
  ) {}

  async page(accountNo: string, log: Logger): Promise<HomePage> {
    const { customers, billing, meters, content } = this.sources
    const deadline = new SectionDeadline(this.budgetMs)
    const failed = (section: string) => (reason: unknown) =>
      log.warn({ section, err: reason }, 'home section unavailable')

    const account = customers.getAccount(accountNo).then((a) => {
      if (!a) throw new Error('the CIS does not know the account')
      return a
    })
    const summary = billing.summary(accountNo)
    const bills = billing.bills(accountNo)

    const balance = account.then(async (a) => {
      if (!a.meterNo || !isPrepaid(a.kind)) return { balance: null }
      const meterNo = a.meterNo
      // The estimate needs billing's tariff: late or failing, the balance shows without it.
      const [meter, outlook, tariff] = await Promise.all([
        meters.meter(meterNo),
        deadline.optional(this.sources.outlooks.outlook(meterNo)),
        deadline.optional(billing.tariff(a.areaCode)),
      ])
      return { balance: balanceOf(a, meter, outlook, tariff) }
    })

    const [
      accountSection,
      balanceSection,
      due,
      latestBill,
      lastTopUp,
      openRepair,
      supplyStops,
      heating,
    ] = await Promise.all([
      deadline.section(
        account.then((a) => ({ account: toAccountSummary(a) })),
        unavailable.account,
        failed('account'),
      ),
      deadline.section(balance, unavailable.balance, failed('balance')),
      deadline.section(
        Promise.all([summary, bills]).then(([s, b]) => ({ due: dueOf(s, b) })),
        unavailable.due,
        failed('due'),
      ),
      deadline.section(
        bills.then((b) => ({ bill: latestBillOf(b) })),
        unavailable.latestBill,
        failed('latestBill'),
      ),
      deadline.section(
        this.sources.orders.latest(accountNo).then((order) => ({ order })),
        unavailable.lastTopUp,
        failed('lastTopUp'),
      ),
      deadline.section(
        this.openRepair(accountNo).then((open) => ({ repair: repairOf(open) })),
        unavailable.openRepair,
        failed('openRepair'),
      ),
      deadline.section(
        account.then(async (a) => ({
          notices: supplyStopsOf(a, await content.listNotices(a.areaCode)),
        })),
        unavailable.supplyStops,
        failed('supplyStops'),
      ),
      deadline.section(
        summary.then((s) => ({ heating: heatingOf(s, this.now()) })),
        unavailable.heating,
        failed('heating'),
      ),
    ])
    deadline.done()
    return {
      accountNo,
      generatedAt: toShanghaiIso(this.now()),
      sections: {
        account: accountSection,
        balance: balanceSection,
        due,
        latestBill,
        lastTopUp,
        openRepair,
        supplyStops,
        heating,
      },
    }
  }

  private openRepair(accountNo: string): Promise<OpenRepair | null> {
    const { openRepair, cache } = this.sources
    if (!openRepair) return Promise.resolve(null)
    return cache.read({ kind: 'repairs', scope: cacheScope.account(accountNo), id: 'open' }, () =>
      openRepair(accountNo),
    )
  }
}
