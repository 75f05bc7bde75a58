import { z } from 'zod'
import { defineRoute } from './route'
import { IsoDateTime } from './common'

/**
 * Public content: safety articles (安全用气), supply-stop notices (停气/停暖) and outlets
 * (营业厅, IC卡写卡点). Anyone may read them, logged in or not.
 */

export const ArticleCategory = z
  .enum(['gas_safety', 'emergency', 'winter', 'heating', 'elderly', 'meter', 'billing'])
  .describe('gas_safety 安全用气, emergency 应急, winter 冬季, heating 供暖, elderly 老人')
export type ArticleCategory = z.infer<typeof ArticleCategory>

export const ArticleSummary = z.object({
  articleId: z.string(),
  title: z.string(),
  categories: z.array(ArticleCategory),
  summary: z.string(),
  updatedAt: IsoDateTime,
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

/** A picture or a video in an article; its caption (or the picture's alt text) is read aloud. */
export const ArticleMedia = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    url: z.string(),
    alt: z.string(),
    caption: z.string().nullable(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('video'),
    url: z.string(),
    poster: z.string().nullable(),
    caption: z.string(),
    durationSeconds: z.number().int().positive(),
  }),
])
export type ArticleMedia = z.infer<typeof ArticleMedia>

export const Article = ArticleSummary.extend({
  sections: z.array(
    z.object({
      heading: z.string().nullable(),
      paragraphs: z.array(z.string()),
      media: z.array(ArticleMedia).default([]),
    }),
  ),
})
export type Article = z.infer<typeof Article>

export const ArticleParams = z.object({
  articleId: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: '文章编号格式不正确' }),
})

export const listArticles = defineRoute({
  id: 'listArticles',
  method: 'get',
  path: '/content/articles',
  summary: 'Safety and service articles, optionally of one category',
  tag: 'content',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  query: z.object({ category: ArticleCategory.optional() }),
  response: z.object({ articles: z.array(ArticleSummary) }),
})

export const getArticle = defineRoute({
  id: 'getArticle',
  method: 'get',
  path: '/content/articles/:articleId',
  summary: 'One article with its sections; ARTICLE_NOT_FOUND when unknown',
  tag: 'content',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  params: ArticleParams,
  response: Article,
})

/** Service area (片区): 6-digit district code + 2-digit zone, as AccountSummary.areaCode. */
export const AreaCode = z.string().regex(/^\d{8}$/, { message: '片区编号应为8位数字' })

export const SupplyNotice = z.object({
  noticeId: z.string(),
  areaCode: z.string(),
  kind: z.enum(['gas', 'heating']).describe('gas 停气, heating 停暖'),
  title: z.string(),
  reason: z.string(),
  scope: z.string().describe('小区 or villages affected'),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  issuedAt: IsoDateTime,
  status: z.enum(['upcoming', 'in_progress', 'ended']),
  advice: z.array(z.string()),
})
export type SupplyNotice = z.infer<typeof SupplyNotice>

export const listNotices = defineRoute({
  id: 'listNotices',
  method: 'get',
  path: '/content/notices',
  summary: 'Supply-stop notices (停气/停暖) of one service area, current and coming first',
  tag: 'content',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  query: z.object({ area: AreaCode }),
  response: z.object({ areaCode: z.string(), notices: z.array(SupplyNotice) }),
})

export const OutletService = z
  .enum(['payment', 'card_write', 'business', 'ignition_booking'])
  .describe('card_write: IC-card gas purchases are written to the card here')
export type OutletService = z.infer<typeof OutletService>

export const Outlet = z.object({
  outletId: z.string(),
  kind: z.enum(['service_hall', 'card_write_point']),
  name: z.string(),
  district: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.string().nullable(),
  openingHours: z.string(),
  services: z.array(OutletService),
  distanceM: z.number().int().min(0).nullable().describe('null when no location was given'),
})
export type Outlet = z.infer<typeof Outlet>

export const OutletsQuery = z
  .object({
    service: OutletService.optional(),
    lat: z.coerce.number({ message: '纬度应为数字' }).min(-90).max(90).optional(),
    lng: z.coerce.number({ message: '经度应为数字' }).min(-180).max(180).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    message: '经纬度需要同时提供',
  })

export const listOutlets = defineRoute({
  id: 'listOutlets',
  method: 'get',
  path: '/content/outlets',
  summary:
    'Outlets (service halls, IC-card write points): nearest first with the distance in metres ' +
    'when lat/lng (WGS-84) are given, else by district',
  tag: 'content',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  query: OutletsQuery,
  response: z.object({
    sortedBy: z.enum(['distance', 'district']),
    outlets: z.array(Outlet),
  }),
})
