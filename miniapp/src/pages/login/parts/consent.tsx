import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import { openPage, pages } from '../../../navigation/pages'

export const CONSENT_NEEDED = '请先阅读并勾选同意《用户协议》和《隐私政策》'

/**
 * Consent at the first login: never ticked in advance (the platforms reject a pre-ticked box),
 * the whole row is the target, and both documents open from it.
 */
export function ConsentCheck({
  agreed,
  onChange,
}: {
  agreed: boolean
  onChange: (agreed: boolean) => void
}) {
  return (
    <View className="consent">
      <View
        className={`consent__box${agreed ? ' consent__box--on' : ''}`}
        onClick={() => onChange(!agreed)}
        {...a11y('我已阅读并同意用户协议和隐私政策', 'checkbox')}
        aria-checked={agreed ? 'true' : 'false'}
      >
        <Text className="consent__mark">{agreed ? '✓' : ''}</Text>
      </View>
      <View className="consent__text">
        <Text onClick={() => onChange(!agreed)}>我已阅读并同意</Text>
        <Text
          className="consent__link"
          onClick={() => openPage(pages.terms)}
          {...a11y(undefined, 'link')}
        >
          《用户协议》
        </Text>
        <Text>和</Text>
        <Text
          className="consent__link"
          onClick={() => openPage(pages.privacyPolicy)}
          {...a11y(undefined, 'link')}
        >
          《隐私政策》
        </Text>
      </View>
    </View>
  )
}
