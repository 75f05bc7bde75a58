import { z } from 'zod'
import { IsoDateTime, UpstreamError } from './common'
import type { Contract } from './openapi'

/** Content port: safety articles, supply-stop notices and service outlets. Public data. */

export const ArticleTag = z.enum([
  'gas_safety',
  'emergency',
  'winter',
  'heating',
  'elderly',
  'meter',
  'billing',
])

export const ArticleSummary = z.object({
  articleId: z.string(),
  title: z.string(),
  tags: z.array(ArticleTag),
  summary: z.string().describe('one sentence, Chinese'),
  updatedAt: IsoDateTime,
})

/** A picture or a video in an article, at a public address (the content system's CDN). */
export const ArticleMedia = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    url: z.url(),
    alt: z.string().min(1).describe('what the picture shows, for screen readers'),
    caption: z.string().nullable(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('video'),
    url: z.url(),
    poster: z.url().nullable(),
    caption: z.string().min(1).describe('what the video shows; read aloud'),
    durationSeconds: z.number().int().positive(),
  }),
])
export type ArticleMedia = z.infer<typeof ArticleMedia>

export const Article = ArticleSummary.extend({
  sections: z.array(
    z.object({
      heading: z.string().nullable(),
      paragraphs: z.array(z.string()).min(1),
      /** Shown after the section's paragraphs; absent when it has none. */
      media: z.array(ArticleMedia).optional(),
    }),
  ),
})
export type Article = z.infer<typeof Article>

export const ArticlesQuery = z.object({ tag: ArticleTag.optional() })
export const ArticleList = z.object({ articles: z.array(ArticleSummary) })
export const ArticlePathParams = z.object({ articleId: z.string().regex(/^[a-z0-9-]{1,40}$/) })

export const AreaCode = z
  .string()
  .regex(/^\d{8}$/)
  .describe('service area (片区): 6-digit district code + 2-digit zone')

export const Notice = z.object({
  noticeId: z.string(),
  areaCode: AreaCode,
  kind: z.enum(['gas', 'heating']).describe('gas: 停气; heating: 停暖'),
  title: z.string(),
  reason: z.string(),
  scope: z.string().describe('小区 or villages affected'),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  issuedAt: IsoDateTime,
  status: z.enum(['upcoming', 'in_progress', 'ended']),
  advice: z.array(z.string()),
})
export type Notice = z.infer<typeof Notice>

export const NoticesQuery = z.object({ areaCode: AreaCode })
export const NoticeList = z.object({ areaCode: AreaCode, notices: z.array(Notice) })

export const OutletService = z
  .enum(['payment', 'card_write', 'business', 'ignition_booking'])
  .describe('card_write: IC-card gas purchases are written to the card here')

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
  distanceM: z.number().int().min(0).describe('great-circle distance from the query point'),
})
export type Outlet = z.infer<typeof Outlet>

export const OutletsQuery = z.object({
  lat: z.coerce.number().min(-90).max(90).describe('WGS-84 latitude'),
  lng: z.coerce.number().min(-180).max(180).describe('WGS-84 longitude'),
  service: OutletService.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})
export const OutletList = z.object({ outlets: z.array(Outlet) })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter (INVALID_ARGUMENT)')
const unavailable = error('Content service unavailable; safe to retry')

export const contentContract: Contract = {
  port: 'content',
  title: 'Content port',
  version: '1.0.0',
  description:
    'Safety articles, supply-stop notices by service area and outlets (service halls, IC-card ' +
    'write points) with coordinates. Errors use `{ code, message }`.',
  basePath: '/content/v1',
  schemas: {
    ArticleTag,
    ArticleSummary,
    Article,
    AreaCode,
    Notice,
    OutletService,
    Outlet,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'listArticles',
      method: 'get',
      path: '/articles',
      summary: 'Articles, optionally of one tag',
      query: ArticlesQuery,
      responses: {
        200: { description: 'Articles', schema: ArticleList },
        400: invalid,
        503: unavailable,
      },
    },
    {
      operationId: 'getArticle',
      method: 'get',
      path: '/articles/:articleId',
      summary: 'One article with its sections',
      params: ArticlePathParams,
      responses: {
        200: { description: 'Article', schema: Article },
        400: invalid,
        404: error('ARTICLE_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'listNotices',
      method: 'get',
      path: '/notices',
      summary: 'Supply-stop notices of a service area, by start time',
      query: NoticesQuery,
      responses: {
        200: { description: 'Notices', schema: NoticeList },
        400: invalid,
        503: unavailable,
      },
    },
    {
      operationId: 'listOutlets',
      method: 'get',
      path: '/outlets',
      summary: 'Outlets nearest first, with the distance in metres',
      query: OutletsQuery,
      responses: {
        200: { description: 'Outlets', schema: OutletList },
        400: invalid,
        503: unavailable,
      },
    },
  ],
}
