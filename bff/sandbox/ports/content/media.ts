import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ArticleMedia } from '../../../contracts/content'

/**
 * The content system's pictures and videos, served by the sandbox as its own CDN. Pictures are
 * drawn as SVG so they stay a few kilobytes and carry no one's rights; each has alt text and a
 * caption that the mini-program reads aloud. Articles name them per section (index into
 * `sections`).
 */

interface Picture {
  readonly file: string
  readonly svg: string
  readonly alt: string
  readonly caption: string
  readonly width: number
  readonly height: number
}

const W = 640
const H = 360

function steps(title: string, items: readonly [string, string][]): string {
  const cell = W / items.length
  const blocks = items
    .map(([icon, label], i) => {
      const x = i * cell + cell / 2
      return (
        `<circle cx="${x}" cy="160" r="62" fill="#fff" stroke="#b7410e" stroke-width="6"/>` +
        `<text x="${x}" y="180" font-size="56" font-weight="bold" text-anchor="middle" fill="#b7410e">${icon}</text>` +
        `<text x="${x}" y="280" font-size="30" text-anchor="middle" fill="#1f2329">${i + 1}. ${label}</text>`
      )
    })
    .join('')
  return (
    // One CJK character per step, not emoji: every phone font has them, emoji vary by system.
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif">` +
    `<rect width="${W}" height="${H}" fill="#fff7ed"/>` +
    `<text x="${W / 2}" y="56" font-size="34" font-weight="bold" text-anchor="middle" fill="#7c2d12">${title}</text>` +
    `${blocks}</svg>`
  )
}

const pictures: readonly Picture[] = [
  {
    file: 'gas-leak-steps.svg',
    svg: steps('闻到燃气味', [
      ['阀', '关阀门'],
      ['窗', '开门窗'],
      ['外', '到室外'],
      ['话', '打电话'],
    ]),
    alt: '示意图：关阀门、开门窗、到室外、打电话，四个步骤从左到右排开',
    caption: '闻到燃气味，按顺序做四件事：关阀门，开门窗，到室外，再打电话。',
    width: W,
    height: H,
  },
  {
    file: 'co-alarm.svg',
    svg: steps('一氧化碳中毒怎么办', [
      ['窗', '开窗通风'],
      ['外', '移到户外'],
      ['医', '拨打120'],
    ]),
    alt: '示意图：开窗通风、把人移到户外、拨打120，三个步骤',
    caption: '发现有人头晕恶心，先开窗通风，把人移到空气新鲜的地方，再拨打120。',
    width: W,
    height: H,
  },
]

interface Clip {
  readonly file: string
  /** A still of the clip's last frame, so the player shows the whole message before it starts. */
  readonly poster: string
  readonly caption: string
  readonly durationSeconds: number
}

/**
 * Real files in `assets/`, made with ffmpeg from a drawn text card (no footage, no one's
 * rights); the sandbox README has the exact commands to make them again. H.264 baseline with
 * the index up front (+faststart) so the WeChat/Alipay Video component and browsers start
 * playing before the whole file has arrived.
 */
const clips: readonly Clip[] = [
  {
    file: 'gas-leak-steps.mp4',
    poster: 'gas-leak-steps-poster.jpg',
    caption: '闻到燃气味，先关阀，再开窗，到室外再打电话；在屋里不开灯、不打电话。',
    durationSeconds: 6,
  },
]

const ASSETS = path.join(__dirname, 'assets')

const byFile = new Map(pictures.map((p) => [p.file, p]))
const clipByFile = new Map(clips.map((c) => [c.file, c]))
const assetTypes = new Map(
  clips.flatMap((c): [string, string][] => [
    [c.file, 'video/mp4'],
    [c.poster, 'image/jpeg'],
  ]),
)

/** Which section of which article shows which pictures and videos, in order. */
const placement: Record<string, Record<number, readonly string[]>> = {
  'gas-leak': { 1: ['gas-leak-steps.svg', 'gas-leak-steps.mp4'] },
  'co-poisoning': { 0: ['co-alarm.svg'] },
}

export function mediaOf(articleId: string, section: number, origin: string): ArticleMedia[] {
  const at = (file: string) => `${origin}/content/v1/media/${file}`
  return (placement[articleId]?.[section] ?? []).flatMap((file): ArticleMedia[] => {
    const picture = byFile.get(file)
    if (picture) {
      return [
        {
          kind: 'image',
          url: at(file),
          alt: picture.alt,
          caption: picture.caption,
          width: picture.width,
          height: picture.height,
        },
      ]
    }
    const clip = clipByFile.get(file)
    if (clip) {
      return [
        {
          kind: 'video',
          url: at(file),
          poster: at(clip.poster),
          caption: clip.caption,
          durationSeconds: clip.durationSeconds,
        },
      ]
    }
    return []
  })
}

export interface MediaFile {
  readonly type: string
  readonly body: string | Buffer
}

const loaded = new Map<string, Buffer>()

/** A picture or a clip by its file name; clips and posters are read from disk once. */
export function mediaFile(file: string): MediaFile | undefined {
  const picture = byFile.get(file)
  if (picture) return { type: 'image/svg+xml', body: picture.svg }
  const type = assetTypes.get(file)
  if (!type) return undefined
  let body = loaded.get(file)
  if (!body) {
    body = readFileSync(path.join(ASSETS, file))
    loaded.set(file, body)
  }
  return { type, body }
}
