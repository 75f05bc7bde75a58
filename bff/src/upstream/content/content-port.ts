import type {
  Article,
  ArticleCategory,
  ArticleSummary,
  OutletService,
  SupplyNotice,
} from '@gh/shared'

/** An outlet as the content system answers it: always with a distance from the query point. */
export interface ContentOutlet {
  outletId: string
  kind: 'service_hall' | 'card_write_point'
  name: string
  district: string
  address: string
  lat: number
  lng: number
  phone: string | null
  openingHours: string
  services: OutletService[]
  distanceM: number
}

export interface OutletSearch {
  lat: number
  lng: number
  service?: OutletService
  limit: number
}

/** The content system (safety articles, supply-stop notices, outlets). Public data only. */
export interface ContentPort {
  listArticles(category?: ArticleCategory): Promise<ArticleSummary[]>
  /** Null when the content system does not know the article. */
  getArticle(articleId: string): Promise<Article | null>
  listNotices(areaCode: string): Promise<SupplyNotice[]>
  /** Nearest to (lat, lng) first. */
  listOutlets(search: OutletSearch): Promise<ContentOutlet[]>
}
