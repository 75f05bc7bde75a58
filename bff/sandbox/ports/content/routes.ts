import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  ArticlePathParams,
  ArticlesQuery,
  NoticesQuery,
  OutletsQuery,
  type Article,
  type Notice,
  type Outlet,
} from '../../../contracts/content'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import { articles } from './articles'
import { mediaFile, mediaOf } from './media'
import { AnnounceNotice, ChangeNotice, NoticePathParams, type NoticeDesk } from './dev-notices'
import type { NoticeRecord } from './notices'
import { distanceM, outlets } from './outlets'

export interface ContentState {
  readonly clock: SandboxClock
  readonly notices: readonly NoticeRecord[]
  /** Announces, changes and ends notices; its endpoints are off in production. */
  readonly desk: NoticeDesk
  readonly devEndpoints: boolean
}

function noticeView(notice: NoticeRecord, nowMs: number): Notice {
  const { startsAtMs, endsAtMs, issuedAtMs, advice, ...rest } = notice
  let status: Notice['status'] = 'upcoming'
  if (nowMs >= endsAtMs) status = 'ended'
  else if (nowMs >= startsAtMs) status = 'in_progress'
  return {
    ...rest,
    startsAt: toShanghaiIso(startsAtMs),
    endsAt: toShanghaiIso(endsAtMs),
    issuedAt: toShanghaiIso(issuedAtMs),
    status,
    advice: [...advice],
  }
}

/**
 * One `bytes=` range of a file of `size` bytes, inclusive at both ends; undefined when the
 * whole file should go out (no header, a unit we do not serve, or several ranges, which a
 * server may answer in full).
 */
export function byteRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return undefined
  const [, from = '', to = ''] = match
  if (from === '' && to === '') return undefined
  if (from === '') {
    // A suffix: the last N bytes.
    const length = Number(to)
    if (length === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(from)
  if (start >= size) return 'unsatisfiable'
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  return end < start ? undefined : { start, end }
}

/** The content service, as described by bff/contracts/content.ts. */
export function contentRouter(state: ContentState): Router {
  const router = new Router({ prefix: '/content/v1' })

  router.get('/articles', (ctx) => {
    const { tag } = parseOr400(ArticlesQuery, ctx.query)
    ctx.body = {
      articles: articles
        .filter((a) => tag === undefined || a.tags.includes(tag))
        .map(({ sections: _sections, tags, ...summary }) => ({ ...summary, tags: [...tags] })),
    }
  })

  router.get('/articles/:articleId', (ctx) => {
    const { articleId } = parseOr400(ArticlePathParams, ctx.params)
    const article = articles.find((a) => a.articleId === articleId)
    // The sandbox is its own CDN: pictures are served where the caller reached it.
    const origin = ctx.host ? `${ctx.protocol}://${ctx.host}` : 'http://localhost'
    if (!article) throw new SandboxError(404, 'ARTICLE_NOT_FOUND', '文章不存在')
    ctx.body = {
      ...article,
      tags: [...article.tags],
      sections: article.sections.map((s, i) => {
        const media = mediaOf(article.articleId, i, origin)
        return {
          heading: s.heading,
          paragraphs: [...s.paragraphs],
          ...(media.length ? { media } : {}),
        }
      }),
    } satisfies Article
  })

  // The content system's CDN: public, long-cached pictures and videos. Players fetch videos
  // in byte ranges (Safari and the iOS mini-program player will not play one that is not
  // served so), hence the Range handling.
  router.get('/media/:file', (ctx) => {
    const found = mediaFile(ctx.params.file ?? '')
    if (!found) throw new SandboxError(404, 'NOT_FOUND', '没有这个文件')
    ctx.set('cache-control', 'public, max-age=86400')
    ctx.set('cross-origin-resource-policy', 'cross-origin')
    ctx.set('accept-ranges', 'bytes')
    ctx.type = found.type
    const body = typeof found.body === 'string' ? Buffer.from(found.body) : found.body
    const range = byteRange(ctx.get('range'), body.length)
    if (range === 'unsatisfiable') {
      ctx.status = 416
      ctx.set('content-range', `bytes */${body.length}`)
      ctx.body = ''
      return
    }
    if (range) {
      ctx.status = 206
      ctx.set('content-range', `bytes ${range.start}-${range.end}/${body.length}`)
      ctx.body = body.subarray(range.start, range.end + 1)
      return
    }
    ctx.body = body
  })

  router.get('/notices', (ctx) => {
    const { areaCode } = parseOr400(NoticesQuery, ctx.query)
    const now = state.clock.nowMs()
    ctx.body = {
      areaCode,
      notices: state.notices.filter((n) => n.areaCode === areaCode).map((n) => noticeView(n, now)),
    }
  })

  router.get('/outlets', (ctx) => {
    const query = parseOr400(OutletsQuery, ctx.query)
    const found: Outlet[] = outlets
      .filter((o) => query.service === undefined || o.services.includes(query.service))
      .map((o) => ({
        ...o,
        services: [...o.services],
        distanceM: distanceM(query.lat, query.lng, o.lat, o.lng),
      }))
      .sort((a, b) => a.distanceM - b.distanceM || a.outletId.localeCompare(b.outletId))
    ctx.body = { outlets: found.slice(0, query.limit) }
  })

  return state.devEndpoints ? withDevEndpoints(router, state) : router
}

function withDevEndpoints(content: Router, state: ContentState): Router {
  const router = new Router()
  router.use(content.routes())
  router.use(bodyParser({ enableTypes: ['json'] }))
  router.post('/sandbox/notices', (ctx) => {
    const notice = state.desk.announce(parseOr400(AnnounceNotice, ctx.request.body))
    ctx.status = 201
    ctx.body = noticeView(notice, state.clock.nowMs())
  })
  router.patch('/sandbox/notices/:noticeId', (ctx) => {
    const { noticeId } = parseOr400(NoticePathParams, ctx.params)
    const notice = state.desk.change(noticeId, parseOr400(ChangeNotice, ctx.request.body))
    ctx.body = noticeView(notice, state.clock.nowMs())
  })
  router.post('/sandbox/notices/:noticeId/end', (ctx) => {
    const { noticeId } = parseOr400(NoticePathParams, ctx.params)
    ctx.body = noticeView(state.desk.end(noticeId), state.clock.nowMs())
  })
  return router
}
