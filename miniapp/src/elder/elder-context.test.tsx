import { fireEvent, render, screen } from '@testing-library/react'
import { memoryStore } from '../platform/storage'
import type { KeyValueStore } from '../platform/storage'
import { ElderProvider, useElderMode } from './elder-context'
import { elderSignal } from './elder-signal'

function Probe() {
  const { elder, setElder } = useElderMode()
  return <button onClick={() => setElder(!elder)}>{elder ? '长辈模式' : '标准模式'}</button>
}

function renderWith(store: KeyValueStore, link?: boolean, platform?: boolean) {
  render(
    <ElderProvider store={store} readLinkFlag={() => link} readPlatformLargeFont={() => platform}>
      <Probe />
    </ElderProvider>,
  )
}

test('when a link turns elderly mode on, then it is on and remembered for the next start', () => {
  const store = memoryStore({ 'gh.elderMode': '0' })
  renderWith(store, true)
  expect(screen.getByRole('button').textContent).toBe('长辈模式')
  expect(store.get('gh.elderMode')).toBe('1')
})

test('when the resident switches, then the choice is stored and beats the platform next time', () => {
  const store = memoryStore()
  renderWith(store, undefined, true)
  expect(screen.getByRole('button').textContent).toBe('长辈模式')

  fireEvent.click(screen.getByRole('button'))
  expect(screen.getByRole('button').textContent).toBe('标准模式')
  expect(store.get('gh.elderMode')).toBe('0')
})

test('when elderly mode is on in H5, then <html> carries the elder class for the tab bar', () => {
  renderWith(memoryStore({ 'gh.elderMode': '1' }))
  expect(document.documentElement.classList.contains('elder')).toBe(true)
})

test('when the mode changes, then trees outside the provider (the custom tab bar) hear it', () => {
  renderWith(memoryStore({ 'gh.elderMode': '1' }))
  expect(elderSignal.get()).toBe(true)
  fireEvent.click(screen.getByRole('button'))
  expect(elderSignal.get()).toBe(false)
})
