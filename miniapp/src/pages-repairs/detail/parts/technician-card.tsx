import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Repair } from '@gh/shared'
import { ActionButton } from '../../../components/action-button'
import { isSettled } from '../../../repairs/live'

function call(phoneNumber: string) {
  Taro.makePhoneCall({ phoneNumber }).catch((err: unknown) => {
    // Cancelling the system dialog also lands here; nothing to tell the resident.
    console.warn('makePhoneCall did not complete', err)
  })
}

/**
 * Who is coming (surname and team) and a call to them, through a relay number that ends with the
 * visit; once the fault is handled, only who it was.
 */
export function TechnicianCard({ repair }: { repair: Repair }) {
  const tech = repair.technician
  if (!tech || repair.state === 'rated') return null
  return (
    <View className="card repair-technician">
      <Text className="card__title">上门师傅</Text>
      <Text className="repair-technician__name">
        {tech.name}（{tech.team}）
      </Text>
      <Text className="card__text">电话：{tech.phoneMasked}</Text>
      {isSettled(repair) ? null : (
        <View className="repair-actions__item">
          <ActionButton
            main
            variant="secondary"
            onClick={() => call(tech.callNumber)}
            label={`打电话给${tech.name}`}
          >
            打电话给{tech.name}
          </ActionButton>
          <Text className="repair-actions__note">{tech.callNote}</Text>
        </View>
      )}
    </View>
  )
}
