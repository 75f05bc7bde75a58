import { Text, View } from '@tarojs/components'
import { callServicePhone } from '../../../app-info'
import { ActionButton } from '../../../components/action-button'

export function ServicePhoneCard({ phone }: { phone: string }) {
  return (
    <View className="card service-phone">
      <Text className="card__title">客服热线</Text>
      <Text className="service-phone__number">{phone}</Text>
      <Text className="card__text">闻到燃气味，请先开窗、离开室内，到室外再拨打</Text>
      <View className="service-phone__action">
        <ActionButton main onClick={() => callServicePhone(phone)} label={`拨打客服电话 ${phone}`}>
          拨打客服电话
        </ActionButton>
      </View>
    </View>
  )
}
