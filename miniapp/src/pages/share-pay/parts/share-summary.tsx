import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { PayShare } from '@gh/shared'
import { a11y } from '../../../a11y'
import { shortTime } from '../../../payments'

/**
 * What the card asks for: the account (masked: the payer is not bound to it), what it is for,
 * the amount in large type, and until when the card works.
 */
export function ShareSummary({ share }: { share: PayShare }) {
  return (
    <View className="card share-summary">
      <View className="share-summary__row">
        <Text className="share-summary__key">缴费项目</Text>
        <Text className="share-summary__value">{share.what}</Text>
      </View>
      <View className="share-summary__row">
        <Text className="share-summary__key">户号</Text>
        <Text className="share-summary__value" {...a11y(`户号，${share.accountNoMasked}`)}>
          {share.accountNoMasked}
        </Text>
      </View>
      {share.amountFen !== null ? (
        <View className="share-summary__amount-box">
          <Text className="share-summary__key">金额</Text>
          <Text className="share-summary__amount">{formatFen(share.amountFen)}</Text>
        </View>
      ) : (
        <Text className="card__text">金额由您决定，请在下面选择。</Text>
      )}
      <Text className="share-summary__expiry">链接有效期至 {shortTime(share.expiresAt)}</Text>
      <Text className="share-summary__privacy">
        为保护家人隐私，这里只显示户号前后几位，不显示姓名和地址。
      </Text>
    </View>
  )
}
