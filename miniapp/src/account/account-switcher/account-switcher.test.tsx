import { fireEvent, render, screen } from '@testing-library/react'
import { aBoundAccount as account } from '../../../test/fixtures'
import { AccountSwitcher } from './index'

const home = account('1000000001', '我家', true)
const parents = account('1000000008', '父母家')
const flat = account('1000000003', null)

test('when the switcher shows, then the current account is named and the others stay folded', () => {
  render(<AccountSwitcher accounts={[home, parents, flat]} current={home} onSelect={jest.fn()} />)
  expect(screen.getByText('我家')).toBeTruthy()
  expect(screen.getByText('1000 0000 01')).toBeTruthy()
  expect(screen.queryByText('父母家')).toBeNull()
})

test('when another account is chosen, then onSelect gets its number and the list folds', () => {
  const onSelect = jest.fn()
  render(<AccountSwitcher accounts={[home, parents, flat]} current={home} onSelect={onSelect} />)
  fireEvent.click(screen.getByRole('button', { name: '切换户号，共3个' }))
  fireEvent.click(screen.getByRole('button', { name: /^父母家\s*1000 0000 08/ }))
  expect(onSelect).toHaveBeenCalledWith('1000000008')
  expect(screen.queryByText('父母家')).toBeNull()
})

test('when an account has no label, then its kind names it', () => {
  render(<AccountSwitcher accounts={[flat, home]} current={flat} onSelect={jest.fn()} />)
  expect(screen.getByText('燃气·物联网表（预付费）')).toBeTruthy()
})

test('when there is only one account, then there is nothing to switch to', () => {
  render(<AccountSwitcher accounts={[home]} current={home} onSelect={jest.fn()} />)
  expect(screen.queryByText('切换户号')).toBeNull()
})
