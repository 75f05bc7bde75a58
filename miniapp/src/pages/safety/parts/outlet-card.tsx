import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { wgs84ToGcj02, type Outlet } from '@gh/shared'
import { a11y } from '../../../a11y'
import { callServicePhone } from '../../../app-info'
import { showMessage } from '../../../elder/modal'
import { formatDistance, outletKindText, servicesText } from '../format'

function showAddress(outlet: Outlet): void {
  void showMessage(outlet.name, outlet.address)
}

/** Maps in China (WeChat's included) take GCJ-02; the content contract speaks WGS-84. */
function navigate(outlet: Outlet): void {
  // Taro's H5 openLocation works only inside WeChat's JS-SDK and elsewhere "succeeds" doing
  // nothing, so the browser build shows the address in words instead.
  if (process.env.TARO_ENV === 'h5') return showAddress(outlet)
  const { lat, lng } = wgs84ToGcj02({ lat: outlet.lat, lng: outlet.lng })
  Taro.openLocation({
    latitude: lat,
    longitude: lng,
    name: outlet.name,
    address: outlet.address,
    scale: 16,
  }).catch((err: unknown) => {
    console.warn('openLocation failed', err)
    showAddress(outlet)
  })
}

export function OutletCard({ outlet }: { outlet: Outlet }) {
  const distance = outlet.distanceM === null ? null : formatDistance(outlet.distanceM)
  return (
    <View className="card outlet">
      <View className="outlet__top">
        <Text className="outlet__name">{outlet.name}</Text>
        {distance ? <Text className="outlet__distance">{distance}</Text> : null}
      </View>
      <Text className="outlet__kind">
        {outletKindText[outlet.kind]} · 可办理：{servicesText(outlet.services)}
      </Text>
      <Text className="outlet__line">{outlet.address}</Text>
      <Text className="outlet__line">营业时间：{outlet.openingHours}</Text>
      <View className="outlet__actions">
        <View
          className="outlet__action"
          hoverClass="outlet__action--pressed"
          onClick={() => navigate(outlet)}
          {...a11y(`去这里（在地图上查看${outlet.name}）`, 'button')}
        >
          <Text>去这里</Text>
        </View>
        {outlet.phone ? (
          <View
            className="outlet__action"
            hoverClass="outlet__action--pressed"
            onClick={() => outlet.phone && callServicePhone(outlet.phone)}
            {...a11y(`打电话（拨打${outlet.name} ${outlet.phone}）`, 'button')}
          >
            <Text>打电话</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
