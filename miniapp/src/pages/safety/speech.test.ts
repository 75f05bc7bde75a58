import type { Article, Outlet, SupplyNotice } from '@gh/shared'
import { articleSpeech, noticeSpeech, noticesSpeech, outletsSpeech } from './speech'

const notice = (status: SupplyNotice['status']): SupplyNotice => ({
  noticeId: `N1301020101-${status}`,
  areaCode: '13010201',
  kind: 'gas',
  title: '关于长安区和平小区临时停气的通知',
  reason: '燃气管网改造施工',
  scope: '和平小区',
  startsAt: '2026-11-28T09:00:00+08:00',
  endsAt: '2026-11-28T17:00:00+08:00',
  issuedAt: '2026-11-25T09:00:00+08:00',
  status,
  advice: ['停气前请关闭灶前阀门。'],
})

const outlet = (id: string, distanceM: number | null, phone: string | null): Outlet => ({
  outletId: id,
  kind: phone ? 'service_hall' : 'card_write_point',
  name: `网点${id}`,
  district: '长安区',
  address: '建设北大街128号',
  lat: 38.06,
  lng: 114.52,
  phone,
  openingHours: '每天 08:00-20:00',
  services: ['payment', 'card_write'],
  distanceM,
})

test('when an article is read, then its title, headings and paragraphs are read in order', () => {
  const article: Article = {
    articleId: 'gas-leak',
    title: '燃气泄漏怎么办',
    categories: ['gas_safety'],
    summary: '关阀开窗',
    updatedAt: '2026-10-08T09:00:00+08:00',
    sections: [
      { heading: '立即这样做', paragraphs: ['不要开灯。', '关闭阀门。'], media: [] },
      { heading: null, paragraphs: ['到室外打电话。'], media: [] },
    ],
  }
  expect(articleSpeech(article)).toBe(
    '燃气泄漏怎么办。立即这样做。不要开灯。关闭阀门。到室外打电话。',
  )
})

test('when an article has a picture and a video, then their captions are read after the text', () => {
  const article: Article = {
    articleId: 'gas-leak',
    title: '燃气泄漏怎么办',
    categories: ['gas_safety'],
    summary: '关阀开窗',
    updatedAt: '2026-10-08T09:00:00+08:00',
    sections: [
      {
        heading: null,
        paragraphs: ['关闭阀门。'],
        media: [
          {
            kind: 'image',
            url: 'https://cdn/a.svg',
            alt: '示意图',
            caption: '先关阀门。',
            width: 4,
            height: 3,
          },
          {
            kind: 'video',
            url: 'https://cdn/b.mp4',
            poster: null,
            caption: '师傅演示关阀。',
            durationSeconds: 60,
          },
        ],
      },
    ],
  }
  expect(articleSpeech(article)).toBe(
    '燃气泄漏怎么办。关闭阀门。图片：先关阀门。视频：师傅演示关阀。',
  )
})

test('when a notice is read, then its times are in words and its advice follows', () => {
  const text = noticeSpeech(notice('upcoming'))
  expect(text).toContain('即将开始。')
  expect(text).toContain(
    '停气时间：从二零二六年十一月二十八日 上午九点整，到二零二六年十一月二十八日 下午五点整。',
  )
  expect(text).toContain('影响范围：和平小区。')
  expect(text.endsWith('停气前请关闭灶前阀门。')).toBe(true)
})

test('when only past notices exist, then the area is said to have no stops', () => {
  expect(noticesSpeech([notice('ended')])).toBe(
    '停气停暖通知。您家所在片区目前没有停气、停暖安排。',
  )
  expect(noticesSpeech([notice('in_progress'), notice('ended')])).toContain('有一条通知')
})

test('when outlets are read nearest first, then the three nearest are read with distance and phone', () => {
  const outlets = [
    outlet('1', 350, '0311-96777'),
    outlet('2', 1234, null),
    outlet('3', 2000, null),
    outlet('4', 5000, null),
  ]
  const text = outletsSpeech(outlets, true)
  expect(text).toContain('离您最近的网点：网点1，营业厅，距离您三百五十米')
  expect(text).toContain('电话：零三一一，九六七七七。')
  expect(text).toContain('距离您两公里')
  expect(text).not.toContain('网点4')
})

test('when outlets are listed without a location, then no distance is read', () => {
  const text = outletsSpeech([outlet('1', null, null)], false)
  expect(text).toContain('网点按区排列')
  expect(text).not.toContain('距离')
})
