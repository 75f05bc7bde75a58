import type { Article, ArticleSummary, Outlet, SupplyNotice } from '@gh/shared'
import { speakDate, speakNumber } from '@gh/shared'
import { speakPhone } from '../../voice/spoken-text'
import {
  noticeKindText,
  noticeStatusText,
  outletKindText,
  servicesText,
  speakDistance,
} from './format'

/** What the 朗读 buttons of the safety pages say, numbers in words (shared speech formatter). */

const count = (n: number) => (n === 2 ? '两' : speakNumber(n))

export function articleListSpeech(articles: readonly ArticleSummary[]): string {
  if (articles.length === 0) return '安全用气。暂时没有文章。'
  const lines = articles.map((a, i) => `第${speakNumber(i + 1)}篇，${a.title}。`)
  return `安全用气。共有${count(articles.length)}篇文章。${lines.join('')}点一篇文章可以打开阅读。`
}

export function articleSpeech(article: Article): string {
  const body = article.sections.map((s) =>
    [
      s.heading ? `${s.heading}。` : '',
      ...s.paragraphs,
      ...s.media.map((m) =>
        m.kind === 'video' ? `视频：${m.caption}` : `图片：${m.caption ?? m.alt}`,
      ),
    ].join(''),
  )
  return [`${article.title}。`, ...body].join('')
}

export function noticeSpeech(notice: SupplyNotice): string {
  const kind = noticeKindText[notice.kind]
  return [
    `${notice.title}。`,
    `${noticeStatusText[notice.status]}。`,
    `${kind}时间：从${speakDate(notice.startsAt)}，到${speakDate(notice.endsAt)}。`,
    `影响范围：${notice.scope}。`,
    `原因：${notice.reason}。`,
    ...notice.advice,
  ].join('')
}

export function noticesSpeech(notices: readonly SupplyNotice[] | undefined): string {
  if (notices === undefined) return '停气停暖通知。登录并绑定户号后，可以查看您家所在片区的通知。'
  const live = notices.filter((n) => n.status !== 'ended')
  if (live.length === 0) return '停气停暖通知。您家所在片区目前没有停气、停暖安排。'
  return `停气停暖通知。您家所在片区有${count(live.length)}条通知。${live.map(noticeSpeech).join('')}`
}

export function outletSpeech(outlet: Outlet): string {
  const distance = outlet.distanceM === null ? '' : `距离您${speakDistance(outlet.distanceM)}，`
  const phone = outlet.phone ? `电话：${speakPhone(outlet.phone)}。` : ''
  return (
    `${outlet.name}，${outletKindText[outlet.kind]}，${distance}地址：${outlet.address}。` +
    `营业时间：${outlet.openingHours}。可以办理：${servicesText(outlet.services)}。${phone}`
  )
}

/** The nearest few only: a list of twenty read aloud helps nobody. */
export function outletsSpeech(outlets: readonly Outlet[], nearest: boolean): string {
  if (outlets.length === 0) return '营业网点。没有找到符合条件的网点。'
  const shown = outlets.slice(0, 3)
  const intro = nearest ? '离您最近的网点：' : '网点按区排列，前几个是：'
  return `营业网点。${intro}${shown.map(outletSpeech).join('')}`
}
