import { useEffect } from 'react'
import type { PropsWithChildren } from 'react'
import { installKeyboardActivation } from './a11y/keyboard'
import { ElderProvider } from './elder'
import { readLinkFlag, readPlatformLargeFont } from './elder/platform-hints'
import { taroStore } from './platform/storage'
import { listenForPrivacyAuthorization } from './privacy/privacy-prompt'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(() => listenForPrivacyAuthorization(), [])
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') return installKeyboardActivation(document)
  }, [])
  return (
    <ElderProvider
      store={taroStore}
      readLinkFlag={readLinkFlag}
      readPlatformLargeFont={readPlatformLargeFont}
    >
      {children}
    </ElderProvider>
  )
}

export default App
