import { routes } from '@gh/shared'
import type { OutletService } from '@gh/shared'
import { request } from '../../api'

/** One function per content endpoint; all public, so they work before login. */

export async function listArticles() {
  return (await request(routes.listArticles)).articles
}

export const getArticle = (articleId: string) =>
  request(routes.getArticle, { params: { articleId } })

export async function listNotices(area: string) {
  return (await request(routes.listNotices, { query: { area } })).notices
}

export interface OutletFilter {
  service?: OutletService
  near?: { lat: number; lng: number }
}

export function listOutlets({ service, near }: OutletFilter) {
  return request(routes.listOutlets, {
    query: { service, lat: near?.lat, lng: near?.lng, limit: 20 },
  })
}
