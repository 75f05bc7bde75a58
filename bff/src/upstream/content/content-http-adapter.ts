import type { ArticleSummary as ArticleSummaryRecord } from '../../../contracts/content'
import {
  Article as ArticleRecord,
  ArticleList,
  NoticeList,
  OutletList,
} from '../../../contracts/content'
import type { z } from 'zod'
import type { Article, ArticleCategory, ArticleSummary, SupplyNotice } from '@gh/shared'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { ContentOutlet, ContentPort, OutletSearch } from './content-port'

const isNotFound = (err: unknown) =>
  err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404

// The contract calls them tags; residents see them as categories.
function toSummary({ tags, ...rest }: z.infer<typeof ArticleSummaryRecord>): ArticleSummary {
  return { ...rest, categories: tags }
}

/** The content system over bff/contracts/content.ts. Every call is a GET, so retries are safe. */
export class ContentHttpAdapter implements ContentPort {
  constructor(private readonly client: UpstreamClient) {}

  async listArticles(category?: ArticleCategory): Promise<ArticleSummary[]> {
    const list = await this.client.call({
      operation: 'listArticles',
      method: 'GET',
      path: '/content/v1/articles',
      query: { tag: category },
      response: ArticleList,
    })
    return list.articles.map(toSummary)
  }

  async getArticle(articleId: string): Promise<Article | null> {
    try {
      const { sections, ...summary } = await this.client.call({
        operation: 'getArticle',
        method: 'GET',
        path: `/content/v1/articles/${encodeURIComponent(articleId)}`,
        response: ArticleRecord,
      })
      return {
        ...toSummary(summary),
        sections: sections.map((section) => ({
          heading: section.heading,
          paragraphs: section.paragraphs,
          media: (section.media ?? []).map((m) => ({ ...m })),
        })),
      }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async listNotices(areaCode: string): Promise<SupplyNotice[]> {
    const list = await this.client.call({
      operation: 'listNotices',
      method: 'GET',
      path: '/content/v1/notices',
      query: { areaCode },
      response: NoticeList,
    })
    return list.notices
  }

  async listOutlets(search: OutletSearch): Promise<ContentOutlet[]> {
    const list = await this.client.call({
      operation: 'listOutlets',
      method: 'GET',
      path: '/content/v1/outlets',
      query: { lat: search.lat, lng: search.lng, service: search.service, limit: search.limit },
      response: OutletList,
    })
    return list.outlets
  }
}
