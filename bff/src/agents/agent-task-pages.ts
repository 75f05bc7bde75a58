import type { AgentLinkPage, AgentTaskKind } from '@gh/shared'

/** What each task opens once the link has bound the account. */
export const TASK_PAGES: Record<
  AgentTaskKind,
  { page: AgentLinkPage; landing?: (a: string, t: string | null) => string }
> = {
  pay_bill: {
    page: 'bills',
    landing: (a, t) => `/pages/bills/index?accountNo=${a}${t ? `&billId=${t}` : ''}`,
  },
  top_up: { page: 'recharge' },
  report_fault: { page: 'repairs' },
  book_inspection: {
    page: 'safety',
    landing: (a) => `/pages-safety/inspections/index?accountNo=${a}`,
  },
  read_article: {
    page: 'safety',
    landing: (_a, t) => (t ? `/pages/safety/article?id=${t}` : '/pages/safety/index'),
  },
  bind_account: { page: 'home' },
  view_order: {
    page: 'orders',
    landing: (a, t) =>
      t ? `/pages/orders/detail?accountNo=${a}&orderNo=${t}` : `/pages/orders/index?accountNo=${a}`,
  },
}

/** Tasks that name what they open (an article, an order). */
export const NEEDS_TARGET: ReadonlySet<AgentTaskKind> = new Set(['read_article', 'view_order'])
