import type {
  Article,
  ArticleCategory,
  ArticleSummary,
  Outlet,
  OutletService,
  SupplyNotice,
} from '@gh/shared'
import { AppError } from '../platform/app-error'
import type { ContentOutlet, ContentPort } from '../upstream/content/content-port'

/** Upstream's cap on one outlet page; the territory has fewer outlets than this. */
const ALL_OUTLETS = 50

const noticeRank: Record<SupplyNotice['status'], number> = {
  in_progress: 0,
  upcoming: 1,
  ended: 2,
}

/**
 * Districts in the utility's own outlet numbering (its lowest outlet id), not by collation: ICU
 * reads 长安区 as "zhǎng", which would put the city centre last.
 */
function byDistrict(outlets: readonly ContentOutlet[]): ContentOutlet[] {
  const firstId = new Map<string, string>()
  for (const o of outlets) {
    const seen = firstId.get(o.district)
    if (seen === undefined || o.outletId < seen) firstId.set(o.district, o.outletId)
  }
  const rank = (o: ContentOutlet) => firstId.get(o.district) ?? o.outletId
  return [...outlets].sort(
    (a, b) =>
      rank(a).localeCompare(rank(b)) ||
      // Within a district the staffed hall (every service) comes before self-service points.
      (a.kind === b.kind ? 0 : a.kind === 'service_hall' ? -1 : 1) ||
      a.outletId.localeCompare(b.outletId),
  )
}

interface OutletQuery {
  service?: OutletService
  lat?: number
  lng?: number
  limit: number
}

/** Public content: articles, supply-stop notices and outlets, in the order residents need. */
export class ContentService {
  constructor(private readonly content: ContentPort) {}

  articles(category?: ArticleCategory): Promise<ArticleSummary[]> {
    return this.content.listArticles(category)
  }

  async article(articleId: string): Promise<Article> {
    const article = await this.content.getArticle(articleId)
    if (!article) throw new AppError('ARTICLE_NOT_FOUND')
    return article
  }

  /** What is happening now first, then what is coming, and past stops last. */
  async notices(areaCode: string): Promise<SupplyNotice[]> {
    const notices = await this.content.listNotices(areaCode)
    return notices
      .map((notice, i) => ({ notice, i }))
      .sort((a, b) => noticeRank[a.notice.status] - noticeRank[b.notice.status] || a.i - b.i)
      .map(({ notice }) => notice)
  }

  async outlets(
    query: OutletQuery,
  ): Promise<{ sortedBy: 'distance' | 'district'; outlets: Outlet[] }> {
    const { service, lat, lng, limit } = query
    if (lat !== undefined && lng !== undefined) {
      const outlets = await this.content.listOutlets({ lat, lng, limit, service })
      return { sortedBy: 'distance', outlets }
    }
    // The contract always measures from a point; without the resident's location any point
    // does, since the distances are dropped and the list is ordered by district instead.
    const all = await this.content.listOutlets({ lat: 0, lng: 0, limit: ALL_OUTLETS, service })
    const outlets = byDistrict(all)
      .slice(0, limit)
      .map((o) => ({ ...o, distanceM: null }))
    return { sortedBy: 'district', outlets }
  }
}
