import { voice } from './voice.h5'

/* The H5 voice against a stand-in for the browser's Web Speech objects (jsdom has none). */

class FakeUtterance {
  lang = ''
  rate = 1
  voice: unknown
  onend: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly text: string) {}
}

const said: FakeUtterance[] = []
const synth = {
  cancel: jest.fn(() => said.at(-1)?.onerror?.()),
  speak: jest.fn((u: FakeUtterance) => said.push(u)),
  getVoices: () => [
    { lang: 'en-US', name: 'English' },
    { lang: 'zh-CN', name: 'Chinese' },
  ],
}

beforeAll(() => {
  Object.assign(globalThis, { SpeechSynthesisUtterance: FakeUtterance })
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
})

test('when text is spoken, then it is read in zh-CN with a Chinese voice and resolves at the end', async () => {
  expect(voice.isSupported()).toBe(true)
  const done = voice.speak('账户余额两元。')
  const utterance = said.at(-1)
  expect(utterance?.text).toBe('账户余额两元。')
  expect(utterance?.lang).toBe('zh-CN')
  expect(utterance?.voice).toEqual({ lang: 'zh-CN', name: 'Chinese' })
  utterance?.onend?.()
  await expect(done).resolves.toBeUndefined()
})

test('when the browser has no SpeechRecognition, then listening is not offered', async () => {
  expect(voice.canListen()).toBe(false)
  await expect(voice.listen()).rejects.toMatchObject({ reason: 'unsupported' })
})

test('when webkitSpeechRecognition hears speech, then listen resolves with the text', async () => {
  const made: FakeRecognition[] = []
  class FakeRecognition {
    lang = ''
    onresult: ((e: unknown) => void) | null = null
    onend: (() => void) | null = null
    onerror = null
    start = jest.fn(() => made.push(this))
    stop = jest.fn(() => this.onend?.())
  }
  Object.assign(window, { webkitSpeechRecognition: FakeRecognition })
  expect(voice.canListen()).toBe(true)
  const heard = voice.listen()
  const [rec] = made
  expect(rec?.lang).toBe('zh-CN')
  rec?.onresult?.({ results: [[{ transcript: '暖气 ' }], [{ transcript: '不热' }]] })
  voice.stopListening()
  await expect(heard).resolves.toBe('暖气 不热')
})

test('when recognition ends with nothing heard, then listen fails with 没有听清', async () => {
  const heard = voice.listen()
  voice.stopListening()
  await expect(heard).rejects.toMatchObject({
    reason: 'no-speech',
    message: '没有听清，请再说一次',
  })
})
