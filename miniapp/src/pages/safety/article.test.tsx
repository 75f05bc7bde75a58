import { fireEvent, render, screen } from '@testing-library/react'
import type { Article } from '@gh/shared'
import { voice } from '../../voice'
import { getArticle } from './api'
import ArticlePage from './article'

// The page as an agent's link opens it; the share menu is the platform's, absent in jsdom.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('@tarojs/taro'),
  useRouter: () => ({ path: '/pages/safety/article', params: { id: 'gas-leak' } }),
  useShareAppMessage: () => undefined,
}))
jest.mock('./api', () => ({ getArticle: jest.fn() }))
// A platform that speaks, so the page shows its 朗读 button; what it says is recorded.
jest.mock('../../voice', () => ({
  ...jest.requireActual('../../voice'),
  voice: jest.requireActual('../../voice/fake-voice').fakeVoice().voice,
}))

const CAPTION = '闻到燃气味，先关阀，再开窗，到室外再打电话；在屋里不开灯、不打电话。'

const video = {
  kind: 'video' as const,
  url: 'https://cdn.example.test/content/v1/media/gas-leak-steps.mp4',
  poster: 'https://cdn.example.test/content/v1/media/gas-leak-steps-poster.jpg',
  caption: CAPTION,
  durationSeconds: 6,
}

const article: Article = {
  articleId: 'gas-leak',
  title: '燃气泄漏怎么办',
  categories: ['gas_safety', 'emergency'],
  summary: '闻到臭鸡蛋味先别开灯：关阀、开窗、出门后再打电话。',
  updatedAt: '2026-10-08T09:00:00+08:00',
  sections: [
    {
      heading: '立即这样做',
      paragraphs: ['第三，关闭燃气表前阀门或灶前阀门。'],
      media: [video],
    },
  ],
}

test('when an article carries a video, then the page shows a player with its caption and 朗读 reads the caption', async () => {
  jest.mocked(getArticle).mockResolvedValue(article)
  // jsdom has no media playback; the player's web component asks its <video> to load.
  jest.spyOn(window.HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined)
  const { container } = render(<ArticlePage />)

  const player = await screen.findByLabelText(`视频：${CAPTION}`)
  expect(player.tagName.toLowerCase()).toBe('taro-video-core')
  expect(container.querySelectorAll('taro-video-core')).toHaveLength(1)
  expect(player.getAttribute('src')).toBe(video.url)
  expect(player.getAttribute('poster')).toBe(video.poster)
  expect(player.getAttribute('controls')).toBe('true')
  expect(screen.getByText(`视频（6秒）：${CAPTION}`)).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: '朗读本页：燃气泄漏怎么办' }))
  expect(voice.speak).toHaveBeenCalledWith(expect.stringContaining(`视频：${CAPTION}`))
})
