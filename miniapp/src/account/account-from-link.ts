import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { AccountNo } from '@gh/shared'
import { currentAccountStore } from './current-account-store'

/**
 * A shared card or an agent's link opens a page with `?accountNo=`: that account becomes the
 * current one. One the resident has not bound is ignored where accounts are resolved
 * (`resolveCurrent` falls back to the default), so a link grants nothing.
 */
export function useAccountFromLink(): void {
  const { params } = useRouter()
  const linked = params.accountNo
  useEffect(() => {
    if (linked && AccountNo.safeParse(linked).success) currentAccountStore.set(linked)
  }, [linked])
}
