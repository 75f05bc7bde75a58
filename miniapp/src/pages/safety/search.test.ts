import type { ArticleSummary } from '@gh/shared'
import { searchArticles } from './search'

const article = (articleId: string, title: string, summary: string): ArticleSummary => ({
  articleId,
  title,
  summary,
  categories: ['gas_safety'],
  updatedAt: '2026-11-01T09:00:00+08:00',
})

const articles = [
  article('a1', '燃气泄漏怎么办', '闻到臭鸡蛋味先别开灯：关阀、开窗、出门后再打电话。'),
  article('a2', '冬季用气安全', '门窗紧闭最容易出事：用气要通风，热水器不进浴室。'),
  article('a3', '暖气不热怎么办', '先问邻居、再排空气、查阀门，仍不热就报修。'),
]

describe('searching the safety tips', () => {
  test('when a question is spoken in other words, then the article about it comes first', () => {
    expect(searchArticles(articles, '泄漏了怎么办？')[0]?.articleId).toBe('a1')
    expect(searchArticles(articles, '暖气不热').map((a) => a.articleId)).toEqual(['a3'])
  })

  test('when only a common word matches, then articles matching the real subject are not drowned', () => {
    const found = searchArticles(articles, '热水器怎么用').map((a) => a.articleId)
    expect(found[0]).toBe('a2')
  })

  test('when nothing matches, then nothing is shown; when the box is empty, then everything', () => {
    expect(searchArticles(articles, '电费')).toEqual([])
    expect(searchArticles(articles, '  ')).toEqual(articles)
  })
})
