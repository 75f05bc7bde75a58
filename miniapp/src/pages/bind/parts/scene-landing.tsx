import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { a11y } from '../../../a11y'
import { ApiError } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { useQuery } from '../../../hooks/use-query'
import { sceneLanding } from '../../../navigation/scene'
import { landingOfScene } from '../api'

async function landingPath(scene: string): Promise<string> {
  const { path } = await landingOfScene(scene)
  const landing = sceneLanding(path)
  if (!landing) throw new ApiError({ code: 'INVALID_RESPONSE' })
  return landing
}

function Opening({ path }: { path: string }) {
  // The landing replaces this page, exactly as if the agent's link had been opened.
  useEffect(() => {
    Taro.redirectTo({ url: path }).catch((err: unknown) =>
      console.warn('navigation failed', path, err),
    )
  }, [path])
  return (
    <View className="card" {...a11y(undefined, 'status')}>
      <Text className="card__text">正在打开客服发来的链接…</Text>
    </View>
  )
}

/** A scanned code's scene: asks the BFF where it leads, then goes there. */
export function SceneLanding({ scene }: { scene: string }) {
  const { state, retry } = useQuery(['public', 'scene', scene], () => landingPath(scene))
  return (
    <PageShell state={state} onRetry={retry} what="客服二维码">
      {(path) => <Opening path={path} />}
    </PageShell>
  )
}
