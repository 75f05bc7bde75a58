import { act, fireEvent, render, screen } from '@testing-library/react'
import { ElderProvider } from '../../elder'
import { memoryStore } from '../../platform/storage'
import { fakeVoice } from '../../voice/fake-voice'
import type { Voice } from '../../voice'
import { ReadAloud, ReadAloudBar } from './index'

function renderIn(elder: boolean, voice: Voice, text: () => string = () => '账户余额十二元三角。') {
  return render(
    <ElderProvider
      store={memoryStore()}
      readLinkFlag={() => elder}
      readPlatformLargeFont={() => undefined}
    >
      <ReadAloud text={text} what="账户余额" voice={voice} />
    </ElderProvider>,
  )
}

test('when 朗读 is tapped, then the page text is read and the button turns into 停止', async () => {
  const fake = fakeVoice()
  renderIn(false, fake.voice)
  fireEvent.click(screen.getByRole('button', { name: '朗读本页：账户余额' }))
  expect(fake.spoken).toEqual(['账户余额十二元三角。'])
  const stop = screen.getByRole('button', { name: '停止朗读' })
  expect(stop.getAttribute('aria-pressed')).toBe('true')
  expect(stop.textContent).toContain('停止')

  await act(async () => fake.finishSpeaking())
  expect(screen.getByRole('button', { name: '朗读本页：账户余额' })).toBeTruthy()
})

test('when 停止 is tapped while reading, then speech stops and 朗读 comes back', () => {
  const fake = fakeVoice()
  renderIn(false, fake.voice)
  fireEvent.click(screen.getByRole('button', { name: /朗读本页/ }))
  fireEvent.click(screen.getByRole('button', { name: '停止朗读' }))
  expect(fake.voice.stop).toHaveBeenCalled()
  expect(screen.getByRole('button', { name: /朗读本页/ }).textContent).toContain('朗读')
})

test('when the text changes after render, then what is read is the text at the time of the tap', () => {
  const fake = fakeVoice()
  let balance = '十元'
  renderIn(false, fake.voice, () => `余额${balance}`)
  balance = '二十元'
  fireEvent.click(screen.getByRole('button', { name: /朗读本页/ }))
  expect(fake.spoken).toEqual(['余额二十元'])
})

test('when the platform has no speech, then no 朗读 button is shown at all', () => {
  const fake = fakeVoice({ speaks: false })
  const { container } = render(<ReadAloudBar text={() => 'x'} voice={fake.voice} />)
  expect(screen.queryByRole('button')).toBeNull()
  expect(container.textContent).toBe('')
})

test('when elderly mode is on, then the button carries the large elderly style', () => {
  const fake = fakeVoice()
  renderIn(true, fake.voice)
  const button = screen.getByRole('button', { name: '朗读本页：账户余额' })
  expect(button.className).toContain('read-aloud--elder')
})

test('when the button goes away while reading, then speech is stopped', () => {
  const fake = fakeVoice()
  const view = renderIn(false, fake.voice)
  fireEvent.click(screen.getByRole('button', { name: /朗读本页/ }))
  view.unmount()
  expect(fake.voice.stop).toHaveBeenCalled()
})
