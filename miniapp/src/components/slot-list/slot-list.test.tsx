import { fireEvent, render, screen } from '@testing-library/react'
import { SlotList, type SlotOption } from './index'

const slots: SlotOption[] = [
  { date: '2026-12-07', window: 'am', label: '12月7日 周一 上午 9:00–12:00', available: false },
  { date: '2026-12-07', window: 'pm', label: '12月7日 周一 下午 14:00–18:00', available: true },
]

const list = (over: Partial<Parameters<typeof SlotList<SlotOption>>[0]> = {}) => (
  <SlotList
    block="visit-slots"
    groupLabel="上门时间"
    slots={slots}
    value={null}
    onChange={jest.fn()}
    {...over}
  />
)

test('when a full window is tapped, then it says 已约满 and nothing is chosen', () => {
  const onChange = jest.fn()
  render(list({ onChange }))
  const full = screen.getByRole('button', { name: '12月7日 周一 上午 9:00–12:00（已约满）' })
  expect(full.getAttribute('aria-disabled')).toBe('true')
  fireEvent.click(full)
  expect(onChange).not.toHaveBeenCalled()
})

test('when a free window is tapped, then it is chosen, and tapping it again clears the choice', () => {
  const onChange = jest.fn()
  const { rerender } = render(list({ onChange }))
  const free = () => screen.getByRole('button', { name: '12月7日 周一 下午 14:00–18:00' })
  fireEvent.click(free())
  expect(onChange).toHaveBeenLastCalledWith({ date: '2026-12-07', window: 'pm' })

  rerender(list({ onChange, value: { date: '2026-12-07', window: 'pm' } }))
  expect(free().getAttribute('aria-pressed')).toBe('true')
  expect(free().textContent).toBe('✓ 12月7日 周一 下午 14:00–18:00')
  fireEvent.click(free())
  expect(onChange).toHaveBeenLastCalledWith(null)
})

test('when shown on two lines, then the day and the window read apart but the name stays whole', () => {
  render(list({ twoLines: true, value: { date: '2026-12-07', window: 'pm' } }))
  const chosen = screen.getByRole('button', { name: '12月7日 周一 下午 14:00–18:00' })
  expect(chosen.querySelector('.visit-slots__day')?.textContent).toBe('✓ 12月7日 周一')
  expect(chosen.querySelector('.visit-slots__window')?.textContent).toBe('下午 14:00–18:00')
  const full = screen.getByRole('button', { name: '12月7日 周一 上午 9:00–12:00（已约满）' })
  expect(full.querySelector('.visit-slots__window')?.textContent).toBe('上午 9:00–12:00（已约满）')
})
