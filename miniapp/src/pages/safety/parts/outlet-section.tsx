import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Outlet } from '@gh/shared'
import { ChoiceChips } from '../../../components/choice-chips'
import { ActionButton } from '../../../components/action-button'
import { PageShell } from '../../../components/page-shell'
import { ReadAloudBar } from '../../../components/read-aloud'
import { useQuery } from '../../../hooks/use-query'
import { listOutlets } from '../api'
import { locate, type LocationState } from '../location'
import { outletsSpeech } from '../speech'
import { OutletCard } from './outlet-card'

const CARD_WRITE = '只看能写卡的网点'

function byDistrict(outlets: readonly Outlet[]): [string, Outlet[]][] {
  const groups = new Map<string, Outlet[]>()
  for (const outlet of outlets) {
    groups.set(outlet.district, [...(groups.get(outlet.district) ?? []), outlet])
  }
  return [...groups.entries()]
}

function OutletList(props: { cardWrite: boolean; location: LocationState }) {
  const { cardWrite, location } = props
  const near = location.status === 'found' ? { lat: location.lat, lng: location.lng } : undefined
  const service = cardWrite ? 'card_write' : undefined
  const { state, retry } = useQuery(['public', 'outlets', service, near?.lat, near?.lng], () =>
    listOutlets({ service, near }),
  )
  return (
    <>
      <ReadAloudBar
        what="营业网点"
        text={() =>
          state.status === 'success'
            ? outletsSpeech(state.data.outlets, state.data.sortedBy === 'distance')
            : '营业网点。正在加载。'
        }
      />
      <PageShell
        state={state}
        onRetry={retry}
        what="营业网点"
        isEmpty={(data) => data.outlets.length === 0}
        emptyTitle="没有找到符合条件的网点"
      >
        {(data) =>
          data.sortedBy === 'distance' ? (
            <View>
              {data.outlets.map((outlet) => (
                <OutletCard key={outlet.outletId} outlet={outlet} />
              ))}
            </View>
          ) : (
            <View>
              {byDistrict(data.outlets).map(([district, outlets]) => (
                <View key={district}>
                  <Text className="section-title">{district}</Text>
                  {outlets.map((outlet) => (
                    <OutletCard key={outlet.outletId} outlet={outlet} />
                  ))}
                </View>
              ))}
            </View>
          )
        }
      </PageShell>
    </>
  )
}

/** 营业网点: service halls and IC-card write points, nearest first once the resident allows it. */
export function OutletSection({ initialCardWrite }: { initialCardWrite: boolean }) {
  const [cardWrite, setCardWrite] = useState(initialCardWrite)
  const [location, setLocation] = useState<LocationState>({ status: 'none' })
  const findNearest = async () => {
    setLocation({ status: 'locating' })
    setLocation(await locate())
  }
  return (
    <>
      <View className="card safety-locate">
        {location.status === 'found' ? (
          <Text className="card__text">已按离您最近排序，距离为直线距离。</Text>
        ) : (
          <>
            <Text className="card__text">
              {location.status === 'denied'
                ? location.message
                : 'IC卡表线上购气后，请到标有“写卡”的网点写卡。'}
            </Text>
            <View className="safety-locate__action">
              <ActionButton main onClick={() => void findNearest()}>
                {location.status === 'locating' ? '正在定位…' : '找离我最近的网点'}
              </ActionButton>
            </View>
          </>
        )}
        <ChoiceChips
          label="筛选"
          choices={[CARD_WRITE]}
          value={cardWrite ? CARD_WRITE : undefined}
          onChange={(value) => setCardWrite(value === CARD_WRITE)}
        />
      </View>
      {location.status === 'locating' ? null : (
        <OutletList
          key={`${cardWrite}-${location.status}`}
          cardWrite={cardWrite}
          location={location}
        />
      )}
    </>
  )
}
