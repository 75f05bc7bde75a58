import type { ArticleSummary } from '@gh/shared'

/** Two-character pieces of the query: spoken questions rarely repeat a title word for word. */
function pieces(query: string): string[] {
  const text = query.replace(/[\s\p{P}\p{S}]/gu, '')
  if (text.length <= 1) return text ? [text] : []
  const out = new Set<string>()
  for (let i = 0; i + 2 <= text.length; i++) out.add(text.slice(i, i + 2))
  return [...out]
}

/**
 * The articles that share most with what was typed or said ("泄漏了怎么办" finds 燃气泄漏怎么办),
 * best first; all of them, unchanged, for an empty query.
 */
export function searchArticles(articles: ArticleSummary[], query: string): ArticleSummary[] {
  const wanted = pieces(query)
  if (wanted.length === 0) return articles
  const scored = articles.map((article, index) => {
    const text = `${article.title}${article.summary}`
    const score = wanted.filter((p) => text.includes(p)).length
    return { article, index, score }
  })
  const best = Math.max(0, ...scored.map((s) => s.score))
  // Common pieces (怎么, 如何) match many articles; keep those close to the best match.
  return scored
    .filter((s) => s.score > 0 && s.score >= best / 2)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.article)
}
