import type { routes } from '@gh/shared'
import type { RouteHandler } from '../platform/http/routes'
import type { ContentService } from './content-service'

type R = typeof routes

export function contentHandlers(deps: { content: ContentService }): {
  listArticles: RouteHandler<R['listArticles']>
  getArticle: RouteHandler<R['getArticle']>
  listNotices: RouteHandler<R['listNotices']>
  listOutlets: RouteHandler<R['listOutlets']>
} {
  const { content } = deps
  return {
    listArticles: async ({ query }) => ({ articles: await content.articles(query.category) }),
    getArticle: ({ params }) => content.article(params.articleId),
    listNotices: async ({ query }) => ({
      areaCode: query.area,
      notices: await content.notices(query.area),
    }),
    listOutlets: ({ query }) => content.outlets(query),
  }
}
