import type { Voice } from './types'

/** A controllable Voice for component tests: records what was said, resolves when told to. */
export function fakeVoice(options: { speaks?: boolean; listens?: boolean } = {}) {
  const spoken: string[] = []
  let finishSpeaking: (() => void) | undefined
  let answer: { resolve: (text: string) => void; reject: (err: unknown) => void } | undefined
  const voice: Voice = {
    isSupported: () => options.speaks ?? true,
    canListen: () => options.listens ?? true,
    speak: jest.fn((text: string) => {
      spoken.push(text)
      return new Promise<void>((resolve) => {
        finishSpeaking = resolve
      })
    }),
    stop: jest.fn(() => finishSpeaking?.()),
    listen: jest.fn(
      () =>
        new Promise<string>((resolve, reject) => {
          answer = { resolve, reject }
        }),
    ),
    stopListening: jest.fn(),
  }
  return {
    voice,
    spoken,
    finishSpeaking: () => finishSpeaking?.(),
    hear: (text: string) => answer?.resolve(text),
    fail: (err: unknown) => answer?.reject(err),
  }
}
