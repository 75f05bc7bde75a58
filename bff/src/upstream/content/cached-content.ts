import type { Article, ArticleCategory, ArticleSummary, SupplyNotice } from '@gh/shared'
import { cacheScope } from '../../platform/cache/cache-kinds'
import type { ReadCache } from '../../platform/cache/read-cache'
import type { ContentOutlet, ContentPort, OutletSearch } from './content-port'

/**
 * Public content through the read cache. Outlet searches are not cached: each is measured from
 * the resident's own position, so no two share an answer.
 */
export class CachedContent implements ContentPort {
  constructor(
    private readonly inner: ContentPort,
    private readonly cache: ReadCache,
  ) {}

  listArticles(category?: ArticleCategory): Promise<ArticleSummary[]> {
    return this.cache.read(
      { kind: 'content', scope: cacheScope.public, id: `articles:${category ?? '*'}` },
      () => this.inner.listArticles(category),
    )
  }

  getArticle(articleId: string): Promise<Article | null> {
    return this.cache.read(
      { kind: 'content', scope: cacheScope.public, id: `article:${articleId}` },
      () => this.inner.getArticle(articleId),
    )
  }

  listNotices(areaCode: string): Promise<SupplyNotice[]> {
    return this.cache.read(
      { kind: 'notices', scope: cacheScope.area(areaCode), id: 'notices' },
      () => this.inner.listNotices(areaCode),
    )
  }

  listOutlets(search: OutletSearch): Promise<ContentOutlet[]> {
    return this.inner.listOutlets(search)
  }
}
