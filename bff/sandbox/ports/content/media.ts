import type { ArticleMedia } from '../../../contracts/content'

/**
 * The content system's pictures, served by the sandbox as its own CDN. Drawn as SVG so they
 * stay a few kilobytes and carry no one's rights; each has alt text and a caption that the
 * mini-program reads aloud. Articles name them per section (index into `sections`).
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
        `<text x="${x}" y="180" font-size="56" text-anchor="middle">${icon}</text>` +
        `<text x="${x}" y="280" font-size="30" text-anchor="middle" fill="#1f2329">${i + 1}. ${label}</text>`
      )
    })
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="${W}" height="${H}" fill="#fff7ed"/>` +
    `<text x="${W / 2}" y="56" font-size="34" font-weight="bold" text-anchor="middle" fill="#7c2d12">${title}</text>` +
    `${blocks}</svg>`
  )
}

const pictures: readonly Picture[] = [
  {
    file: 'gas-leak-steps.svg',
    svg: steps('闻到燃气味', [
      ['🔧', '关阀门'],
      ['🪟', '开门窗'],
      ['🚪', '到室外'],
      ['📞', '打电话'],
    ]),
    alt: '示意图：关阀门、开门窗、到室外、打电话，四个步骤从左到右排开',
    caption: '闻到燃气味，按顺序做四件事：关阀门，开门窗，到室外，再打电话。',
    width: W,
    height: H,
  },
  {
    file: 'co-alarm.svg',
    svg: steps('一氧化碳中毒怎么办', [
      ['🪟', '开窗通风'],
      ['🛏️', '移到户外'],
      ['🚑', '拨打120'],
    ]),
    alt: '示意图：开窗通风、把人移到户外、拨打120，三个步骤',
    caption: '发现有人头晕恶心，先开窗通风，把人移到空气新鲜的地方，再拨打120。',
    width: W,
    height: H,
  },
]

const byFile = new Map(pictures.map((p) => [p.file, p]))

/** Which section of which article shows which pictures. */
const placement: Record<string, Record<number, readonly string[]>> = {
  'gas-leak': { 1: ['gas-leak-steps.svg'] },
  'co-poisoning': { 0: ['co-alarm.svg'] },
}

export function mediaOf(articleId: string, section: number, origin: string): ArticleMedia[] {
  return (placement[articleId]?.[section] ?? []).flatMap((file) => {
    const picture = byFile.get(file)
    if (!picture) return []
    return [
      {
        kind: 'image' as const,
        url: `${origin}/content/v1/media/${file}`,
        alt: picture.alt,
        caption: picture.caption,
        width: picture.width,
        height: picture.height,
      },
    ]
  })
}

export function mediaFile(file: string): string | undefined {
  return byFile.get(file)?.svg
}
