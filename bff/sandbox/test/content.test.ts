import { Article, ArticleList, NoticeList, OutletList } from '../../contracts/content'
import { closeAll } from './helpers'
import { DAY, HOUR, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

describe('content port', () => {
  it('when articles are listed by tag, then only that tag comes back, and each opens with Chinese sections', async () => {
    const { http } = await startFixed()
    const all = (await http.get('/content/v1/articles').expect(200)).body
    expectConforms(ArticleList, all)
    const titles = all.articles.map((a: { title: string }) => a.title)
    expect(titles).toEqual(
      expect.arrayContaining(['燃气泄漏怎么办', '冬季用气安全', '暖气不热怎么办', '老人用气提示']),
    )
    const elderly = (await http.get('/content/v1/articles?tag=elderly').expect(200)).body.articles
    expect(elderly.length).toBeGreaterThan(0)
    expect(elderly.every((a: { tags: string[] }) => a.tags.includes('elderly'))).toBe(true)
    for (const { articleId } of all.articles as { articleId: string }[]) {
      const article = (await http.get(`/content/v1/articles/${articleId}`).expect(200)).body
      expectConforms(Article, article)
      expect(article.sections.length).toBeGreaterThan(0)
    }
    const leak = (await http.get('/content/v1/articles/gas-leak').expect(200)).body
    expect(JSON.stringify(leak)).toContain('不要开关任何电器')
  })

  it('when an article has a picture, then it carries alt text and a caption and its address serves the picture', async () => {
    const { http } = await startFixed()
    const leak = (await http.get('/content/v1/articles/gas-leak').expect(200)).body
    expectConforms(Article, leak)
    const media = leak.sections.flatMap((s: { media?: unknown[] }) => s.media ?? [])
    expect(media).toEqual([
      expect.objectContaining({ kind: 'image', alt: expect.stringMatching(/关阀门/) }),
      expect.objectContaining({ kind: 'video' }),
    ])
    const { pathname } = new URL((media[0] as { url: string }).url)
    const picture = await http.get(pathname).expect(200)
    expect(picture.headers['content-type']).toMatch(/^image\/svg\+xml/)
    await http.get('/content/v1/media/no-such.svg').expect(404)
  })

  it('when an article has a video, then it carries a caption, a poster and a duration, and its address serves MP4 in byte ranges', async () => {
    const { http } = await startFixed()
    const leak = (await http.get('/content/v1/articles/gas-leak').expect(200)).body
    expectConforms(Article, leak)
    const videos = leak.sections
      .flatMap((s: { media?: { kind: string }[] }) => s.media ?? [])
      .filter((m: { kind: string }) => m.kind === 'video')
    expect(videos).toEqual([
      {
        kind: 'video',
        url: expect.stringMatching(/\.mp4$/),
        poster: expect.stringMatching(/\.jpg$/),
        caption: expect.stringMatching(/关阀.*开窗.*到室外再打电话/),
        durationSeconds: 6,
      },
    ])
    const { url, poster } = videos[0] as { url: string; poster: string }

    const whole = await http.get(new URL(url).pathname).buffer(true).expect(200)
    expect(whole.headers['content-type']).toBe('video/mp4')
    expect(whole.headers['accept-ranges']).toBe('bytes')
    const bytes = whole.body as Buffer
    // An MP4 opens with its file-type box; +faststart puts the index (moov) before the data.
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))
    expect(bytes.length).toBeLessThan(60 * 1024)

    const head = await http
      .get(new URL(url).pathname)
      .set('range', 'bytes=0-99')
      .buffer(true)
      .expect(206)
    expect(head.headers['content-range']).toBe(`bytes 0-99/${bytes.length}`)
    expect(Buffer.compare(head.body as Buffer, bytes.subarray(0, 100))).toBe(0)
    const tail = await http.get(new URL(url).pathname).set('range', 'bytes=-10').expect(206)
    expect(tail.headers['content-range']).toBe(
      `bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`,
    )
    const beyond = await http
      .get(new URL(url).pathname)
      .set('range', `bytes=${bytes.length}-`)
      .expect(416)
    expect(beyond.headers['content-range']).toBe(`bytes */${bytes.length}`)

    const still = await http.get(new URL(poster).pathname).expect(200)
    expect(still.headers['content-type']).toBe('image/jpeg')
  })

  it('when an article or a tag does not exist, then 404 ARTICLE_NOT_FOUND and 400', async () => {
    const { http } = await startFixed()
    expect((await http.get('/content/v1/articles/no-such').expect(404)).body.code).toBe(
      'ARTICLE_NOT_FOUND',
    )
    expect((await http.get('/content/v1/articles?tag=fun').expect(400)).body.code).toBe(
      'INVALID_ARGUMENT',
    )
  })

  it('when the clock moves through a supply stop, then its notice goes upcoming → in progress → ended', async () => {
    const { http, advance } = await startFixed()
    const statusOf = async () => {
      const body = (await http.get('/content/v1/notices?areaCode=13010201').expect(200)).body
      expectConforms(NoticeList, body)
      return body.notices.find((n: { noticeId: string }) => n.noticeId === 'N1301020101')
    }
    const notice = await statusOf()
    expect(notice).toMatchObject({
      kind: 'gas',
      status: 'upcoming',
      startsAt: '2026-11-28T09:00:00+08:00',
    })
    expect(notice.title).toContain('临时停气')
    await advance(2 * DAY)
    expect((await statusOf()).status).toBe('in_progress')
    await advance(8 * HOUR)
    expect((await statusOf()).status).toBe('ended')
  })

  it('when outlets near a point are asked for, then the nearest come first with their distance in metres', async () => {
    const { http } = await startFixed()
    const res = await http.get('/content/v1/outlets?lat=38.0452&lng=114.8101&limit=5').expect(200)
    expectConforms(OutletList, res.body)
    const outlets = res.body.outlets as { outletId: string; distanceM: number }[]
    expect(outlets).toHaveLength(5)
    expect(outlets[0]).toMatchObject({ outletId: 'WP208', distanceM: 0 })
    const distances = outlets.map((o) => o.distanceM)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    // 藁城区营业厅 is about 4 km from the village point (0.021° lat, 0.036° lng).
    expect(outlets.find((o) => o.outletId === 'SH105')?.distanceM).toBeGreaterThan(3_500)
    expect(outlets.find((o) => o.outletId === 'SH105')?.distanceM).toBeLessThan(4_500)
  })

  it('when the nearest card write points are asked for, then they are the closest of all write points, nearest first', async () => {
    const { http } = await startFixed()
    const near = '/content/v1/outlets?lat=38.0452&lng=114.8101&service=card_write'
    const all = (await http.get(`${near}&limit=50`).expect(200)).body.outlets as {
      outletId: string
      distanceM: number
    }[]
    const res = await http.get(`${near}&limit=3`).expect(200)
    expectConforms(OutletList, res.body)
    expect(res.body.outlets).toEqual(all.slice(0, 3))
    const distances = all.map((o) => o.distanceM)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
  })

  it('when only card write points are asked for, then every outlet writes cards', async () => {
    const { http } = await startFixed()
    const res = await http
      .get('/content/v1/outlets?lat=38.04&lng=114.51&service=card_write&limit=50')
      .expect(200)
    expect(res.body.outlets.length).toBeGreaterThan(10)
    expect(
      res.body.outlets.every((o: { services: string[] }) => o.services.includes('card_write')),
    ).toBe(true)
    expect((await http.get('/content/v1/outlets?lat=91&lng=114').expect(400)).body.code).toBe(
      'INVALID_ARGUMENT',
    )
  })
})
