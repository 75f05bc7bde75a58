import type { BoundAccount } from '@gh/shared'
import { memoryStore } from '../platform/storage'
import { createCurrentAccountStore, resolveCurrent } from './current-account-store'

const bound = (accountNo: string, isDefault = false) =>
  ({ accountNo, isDefault, label: null, role: 'owner', boundAt: '', summary: null }) as BoundAccount

test('when the remembered account is still bound, then it is current', () => {
  expect(resolveCurrent([bound('1', true), bound('2')], '2')?.accountNo).toBe('2')
})

test('when the remembered account was unbound, then the default is current, else the first', () => {
  expect(resolveCurrent([bound('1'), bound('2', true)], '9')?.accountNo).toBe('2')
  expect(resolveCurrent([bound('1'), bound('2')], undefined)?.accountNo).toBe('1')
  expect(resolveCurrent([], '1')).toBeUndefined()
})

test('when an account is selected, then it is remembered and listeners hear of it', () => {
  const store = createCurrentAccountStore(memoryStore())
  const listener = jest.fn()
  store.subscribe(listener)
  store.set('1000000002')
  expect(store.get()).toBe('1000000002')
  store.clear()
  expect(store.get()).toBeUndefined()
  expect(listener).toHaveBeenCalledTimes(2)
})
