import request from 'supertest'
import { ErrorEnvelope, routes } from '@gh/shared'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/** Safety articles, supply-stop notices and outlets through the real adapter and sandbox. */
let coreSandbox: CoreSandbox
let bff: TestBff

beforeAll(async () => {
  coreSandbox = await startCoreSandbox('content-sandbox')
  bff = await startBff({ upstreamUrl: coreSandbox.url, now: coreSandbox.now, database: 'sqlite' })
})
afterAll(async () => {
  await bff.close()
  await coreSandbox.close()
})

const api = () => request(bff.url)

function expectEnvelope(body: unknown, code: string) {
  const envelope = ErrorEnvelope.parse(body)
  expect(envelope.error.code).toBe(code)
  expect(envelope.error.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(envelope.error.requestId).not.toBe('')
  return envelope.error
}

test('when an anonymous resident lists safety articles of one category, then only that category comes back', async () => {
  const all = await api().get('/api/v1/content/articles')
  expect(all.status).toBe(200)
  const safety = await api().get('/api/v1/content/articles?category=gas_safety')
  expect(safety.status).toBe(200)

  const parsed = routes.listArticles.response.parse(safety.body)
  expect(parsed.articles.map((a) => a.articleId)).toContain('gas-leak')
  expect(parsed.articles.every((a) => a.categories.includes('gas_safety'))).toBe(true)
  expect(parsed.articles.length).toBeLessThan(all.body.articles.length)
  expect(parsed.articles[0]).not.toHaveProperty('sections')
})

test('when a resident opens an article, then its sections come with it', async () => {
  const res = await api().get('/api/v1/content/articles/gas-leak')
  expect(res.status).toBe(200)
  const article = routes.getArticle.response.parse(res.body)
  expect(article.title).toBe('燃气泄漏怎么办')
  expect(article.categories).toEqual(['gas_safety', 'emergency'])
  expect(article.sections.length).toBeGreaterThan(1)
  expect(article.sections[0]?.paragraphs.length).toBeGreaterThan(0)
})

test('when a resident opens an article with a video, then the video block arrives whole and its address plays', async () => {
  const res = await api().get('/api/v1/content/articles/gas-leak')
  expect(res.status).toBe(200)
  const article = routes.getArticle.response.parse(res.body)
  const videos = article.sections.flatMap((s) => s.media).filter((m) => m.kind === 'video')
  expect(videos).toEqual([
    {
      kind: 'video',
      url: expect.stringMatching(/^http:.*\.mp4$/),
      poster: expect.stringMatching(/^http:.*\.jpg$/),
      caption: expect.stringContaining('到室外再打电话'),
      durationSeconds: 6,
    },
  ])
  // The content system's CDN is the upstream's origin, which the H5 page's media-src allows.
  const video = videos[0]
  if (video?.kind !== 'video') throw new Error('no video')
  expect(new URL(video.url).origin).toBe(new URL(coreSandbox.url).origin)
  const clip = await request(video.url).get('')
  expect(clip.status).toBe(200)
  expect(clip.headers['content-type']).toBe('video/mp4')
})

test('when the article does not exist, then 404 ARTICLE_NOT_FOUND says so in Chinese', async () => {
  const res = await api().get('/api/v1/content/articles/no-such-article')
  expect(res.status).toBe(404)
  const error = expectEnvelope(res.body, 'ARTICLE_NOT_FOUND')
  expect(error.message).toBe('没有找到这篇文章，可能已经下线')
})

test('when notices of an area are asked, then that area’s stops come back, current and coming before past', async () => {
  // 13010201: the area of the persona 王建国; the sandbox always seeds a 停气 there.
  const res = await api().get('/api/v1/content/notices?area=13010201')
  expect(res.status).toBe(200)
  const { areaCode, notices } = routes.listNotices.response.parse(res.body)
  expect(areaCode).toBe('13010201')
  expect(notices.length).toBeGreaterThan(0)
  expect(notices.every((n) => n.areaCode === '13010201')).toBe(true)
  expect(notices.some((n) => n.kind === 'gas' && n.status !== 'ended')).toBe(true)
  const rank = { in_progress: 0, upcoming: 1, ended: 2 } as const
  const ranks = notices.map((n) => rank[n.status])
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
})

test('when card-write points are asked near a location, then the nearest comes first with its distance', async () => {
  // Next to the 长安区 service hall (建设北大街).
  const res = await api().get('/api/v1/content/outlets?service=card_write&lat=38.0612&lng=114.5259')
  expect(res.status).toBe(200)
  const { sortedBy, outlets } = routes.listOutlets.response.parse(res.body)
  expect(sortedBy).toBe('distance')
  expect(outlets.length).toBeGreaterThan(1)
  expect(outlets.every((o) => o.services.includes('card_write'))).toBe(true)
  const distances = outlets.map((o) => o.distanceM ?? -1)
  expect(distances).toEqual([...distances].sort((a, b) => a - b))
  expect(outlets[0]).toMatchObject({ outletId: 'SH101' })
  expect(distances[0]).toBeLessThan(100)
})

test('when outlets are asked without a location, then they come grouped by district without distances', async () => {
  const res = await api().get('/api/v1/content/outlets')
  expect(res.status).toBe(200)
  const { sortedBy, outlets } = routes.listOutlets.response.parse(res.body)
  expect(sortedBy).toBe('district')
  expect(outlets.length).toBeGreaterThan(5)
  expect(outlets.every((o) => o.distanceM === null)).toBe(true)
  // The city-centre hall first: the utility's own numbering, not a collation that reads 长 as zhǎng.
  expect(outlets[0]).toMatchObject({ outletId: 'SH101', district: '长安区' })
  const runs = outlets.map((o) => o.district).filter((d, i, all) => d !== all[i - 1])
  expect(new Set(runs).size).toBe(runs.length)
})

test.each([
  ['a latitude that is not a number', '/api/v1/content/outlets?lat=abc&lng=114.5'],
  ['a latitude without a longitude', '/api/v1/content/outlets?lat=38.06'],
  ['an unknown outlet service', '/api/v1/content/outlets?service=repair'],
  ['an area code of the wrong length', '/api/v1/content/notices?area=1301'],
  ['no area code', '/api/v1/content/notices'],
  ['an unknown category', '/api/v1/content/articles?category=sports'],
  ['an article id with capitals', '/api/v1/content/articles/Gas-Leak'],
])('when a request carries %s, then 400 with the error envelope', async (_what, url) => {
  const res = await api().get(url)
  expect(res.status).toBe(400)
  expectEnvelope(res.body, 'VALIDATION_FAILED')
})

test('when the content system cannot be reached, then the resident gets 503 and a Chinese message', async () => {
  const offline = await startBff({ database: 'sqlite' })
  try {
    const res = await request(offline.url).get('/api/v1/content/articles')
    expect(res.status).toBe(503)
    expectEnvelope(res.body, 'UPSTREAM_UNAVAILABLE')
  } finally {
    await offline.close()
  }
})
