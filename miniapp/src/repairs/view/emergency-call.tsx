import { Text, View } from '@tarojs/components'
import { a11y } from '../../a11y'
import { callServicePhone } from '../../app-info'
import { ActionButton } from '../../components/action-button'
import type { EmergencyPhone } from '../emergency-phone'

/** The one-tap call to the 24-hour line, or, while it is unknown, what to do instead. */
export function EmergencyCall({ line }: { line: EmergencyPhone }) {
  const { phone, failed, retry } = line
  if (phone) {
    return (
      <View className="emergency-call">
        <ActionButton
          main
          className="emergency-call__button"
          onClick={() => callServicePhone(phone)}
          label={`拨打24小时抢修电话 ${phone}`}
        >
          拨打24小时抢修电话 {phone}
        </ActionButton>
        <Text className="emergency-call__note">请到室外再拨打</Text>
      </View>
    )
  }
  return (
    <View className="emergency-call" {...a11y(undefined, failed ? 'alert' : 'status')}>
      <Text className="emergency-call__note">
        {failed
          ? '暂时没能获取抢修电话，请拨打燃气账单或燃气表上印的24小时抢修电话'
          : '正在获取抢修电话…'}
      </Text>
      {failed ? (
        <ActionButton variant="secondary" onClick={retry} label="重试，重新获取抢修电话">
          重试
        </ActionButton>
      ) : null}
    </View>
  )
}
