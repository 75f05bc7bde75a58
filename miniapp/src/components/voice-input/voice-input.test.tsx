import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { VoiceError } from '../../voice'
import { fakeVoice } from '../../voice/fake-voice'
import type { Voice } from '../../voice'
import { DescriptionField } from './description-field'
import { VoiceInput } from './index'

test('when speech is recognized, then it is shown and used only after 使用这段文字', async () => {
  const fake = fakeVoice()
  const onConfirm = jest.fn()
  render(<VoiceInput onConfirm={onConfirm} prompt="说出故障情况" voice={fake.voice} />)

  fireEvent.click(screen.getByRole('button', { name: '说话（语音输入：说出故障情况）' }))
  expect(screen.getByRole('status').textContent).toContain('正在听')
  fireEvent.click(screen.getByRole('button', { name: '说完了，停止录音' }))
  expect(fake.voice.stopListening).toHaveBeenCalled()

  await act(async () => fake.hear('暖气片不热'))
  expect(screen.getByText('暖气片不热')).toBeTruthy()
  expect(onConfirm).not.toHaveBeenCalled()

  fireEvent.click(screen.getByRole('button', { name: '使用这段文字：暖气片不热' }))
  expect(onConfirm).toHaveBeenCalledWith('暖气片不热')
  expect(screen.queryByText('暖气片不热')).toBeNull()
})

test('when the resident taps 重新说, then it listens again and the first text is not used', async () => {
  const fake = fakeVoice()
  const onConfirm = jest.fn()
  render(<VoiceInput onConfirm={onConfirm} voice={fake.voice} />)
  fireEvent.click(screen.getByRole('button', { name: /语音输入/ }))
  await act(async () => fake.hear('暖气片不响'))
  fireEvent.click(screen.getByRole('button', { name: '重新说一遍' }))
  expect(fake.voice.listen).toHaveBeenCalledTimes(2)
  expect(onConfirm).not.toHaveBeenCalled()
})

test('when nothing was heard, then the reason is shown and the mic button is back', async () => {
  const fake = fakeVoice()
  render(<VoiceInput onConfirm={jest.fn()} voice={fake.voice} />)
  fireEvent.click(screen.getByRole('button', { name: /语音输入/ }))
  await act(async () => fake.fail(new VoiceError('no-speech', '没有听清，请再说一次')))
  expect(screen.getByRole('alert').textContent).toBe('没有听清，请再说一次')
  expect(screen.getByRole('button', { name: /语音输入/ })).toBeTruthy()
})

test('when the platform cannot recognize speech, then no voice button is shown', () => {
  const fake = fakeVoice({ listens: false })
  render(<VoiceInput onConfirm={jest.fn()} voice={fake.voice} />)
  expect(screen.queryByRole('button')).toBeNull()
})

function Field({ voice }: { voice: Voice }) {
  const [value, setValue] = useState('燃气灶')
  return (
    <>
      <DescriptionField label="故障描述" value={value} onChange={setValue} voice={voice} />
      <output>{value}</output>
    </>
  )
}

test('when confirmed speech is added to a typed description, then both are kept', async () => {
  const fake = fakeVoice()
  const { container } = render(<Field voice={fake.voice} />)
  fireEvent.click(screen.getByRole('button', { name: '说话（语音输入：故障描述）' }))
  await act(async () => fake.hear('打不着火'))
  fireEvent.click(screen.getByRole('button', { name: /使用这段文字/ }))
  expect(container.querySelector('output')?.textContent).toBe('燃气灶，打不着火')
})
