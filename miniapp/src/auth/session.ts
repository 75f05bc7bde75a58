import { useSyncExternalStore } from 'react'
import { taroStore } from '../platform/storage'
import { createTokenStore } from './token-store'

export const tokenStore = createTokenStore(taroStore)

export function useLoggedIn(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, () => tokenStore.get() !== undefined)
}
