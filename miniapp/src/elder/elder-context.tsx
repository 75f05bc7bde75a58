import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { PropsWithChildren } from 'react'
import type { KeyValueStore } from '../platform/storage'
import { elderSignal } from './elder-signal'
import { parseElderFlag, resolveElderMode } from './resolve'

const STORAGE_KEY = 'gh.elderMode'

export interface ElderMode {
  elder: boolean
  setElder: (elder: boolean) => void
}

const ElderContext = createContext<ElderMode>({ elder: false, setElder: () => undefined })

export interface ElderProviderProps {
  store: KeyValueStore
  readLinkFlag: () => boolean | undefined
  readPlatformLargeFont: () => boolean | undefined
}

function readStored(store: KeyValueStore): boolean | undefined {
  const value = store.get(STORAGE_KEY)
  return value === '1' ? true : value === '0' ? false : undefined
}

export function ElderProvider(props: PropsWithChildren<ElderProviderProps>) {
  const { store, readLinkFlag, readPlatformLargeFont, children } = props
  const [elder, setElderState] = useState(() => {
    const linkFlag = readLinkFlag()
    if (linkFlag !== undefined) store.set(STORAGE_KEY, linkFlag ? '1' : '0')
    return resolveElderMode({
      linkFlag,
      stored: readStored(store),
      platformLargeFont: readPlatformLargeFont(),
    })
  })

  const setElder = useCallback(
    (next: boolean) => {
      store.set(STORAGE_KEY, next ? '1' : '0')
      setElderState(next)
    },
    [store],
  )

  // On H5 a link can switch the mode while the app is open (the hash route changes, no reload).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
    const onHashChange = () => {
      const flag = parseElderFlag(window.location.href)
      if (flag !== undefined) setElder(flag)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [setElder])

  // Tab bars live outside every page: the mini-programs' custom one reads the signal, the H5 one
  // follows a class on <html>.
  useEffect(() => {
    elderSignal.set(elder)
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    document.documentElement.classList.toggle('elder', elder)
  }, [elder])

  const value = useMemo(() => ({ elder, setElder }), [elder, setElder])
  return <ElderContext.Provider value={value}>{children}</ElderContext.Provider>
}

export function useElderMode(): ElderMode {
  return useContext(ElderContext)
}
