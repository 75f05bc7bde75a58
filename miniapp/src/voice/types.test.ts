import { chunkText } from './types'

describe('chunkText', () => {
  test('when text is longer than the limit, then it is split at sentence ends and nothing is lost', () => {
    const text = '第一句话。第二句话比较长一些。第三句。'
    const chunks = chunkText(text, 10)
    expect(chunks.every((c) => c.length <= 10)).toBe(true)
    expect(chunks.join('')).toBe(text)
  })

  test('when one sentence is longer than the limit, then it is cut into pieces', () => {
    const chunks = chunkText('一二三四五六七八九十一二', 5)
    expect(chunks.join('')).toBe('一二三四五六七八九十一二')
    expect(chunks.every((c) => c.length <= 5)).toBe(true)
  })
})
