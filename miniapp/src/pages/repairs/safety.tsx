import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { PageRoot } from '../../components/page-root'
import { ReadAloudBar } from '../../components/read-aloud'
import { openPage } from '../../navigation/pages'
import { useEmergencyPhone } from '../../repairs/emergency-phone'
import { kindFromParam } from '../../repairs/kinds'
import { reportUrl } from '../../repairs/links'
import { coPoisoningNote, safetySteps, safetyTitle } from '../../repairs/safety'
import { EmergencyCall } from '../../repairs/view/emergency-call'
import { safetySpeech } from './speech'
import '../../repairs/view/index.scss'
import './index.scss'

/** '闻到燃气味，请先这样做' → ['闻到燃气味，', '请先这样做']. */
const phrasesOf = (title: string) =>
  title.split('，').map((part, i, all) => (i < all.length - 1 ? `${part}，` : part))

/**
 * Before a leak or CO report, and before any form: what to do first, the 24-hour line one tap
 * away, then 继续报修 to the urgent report (no photo, no time to choose). It needs no login and
 * no network beyond the phone number, which the phone remembers.
 */
export default function RepairSafetyPage() {
  const { params } = useRouter()
  const kind = kindFromParam(params.kind) === 'co_alarm' ? 'co_alarm' : 'gas_leak'
  const line = useEmergencyPhone()
  return (
    <PageRoot className="repair-safety">
      <View className="repair-safety__banner" {...a11y(undefined, 'alert')}>
        <Text
          className="repair-safety__title"
          // Named whole: read from the two phrases, the name would get a gap at the comma.
          {...a11y(safetyTitle(kind), 'heading')}
          aria-level="1"
        >
          {/* Each phrase kept whole: large type breaks the line at the comma, not in a word. */}
          {phrasesOf(safetyTitle(kind)).map((phrase) => (
            <Text key={phrase} className="repair-safety__phrase">
              {phrase}
            </Text>
          ))}
        </Text>
        <Text className="repair-safety__lead">先保证人身安全，再报修</Text>
      </View>
      <ReadAloudBar what="安全提示" text={() => safetySpeech(kind, line.phone)} />
      <View className="card">
        <View className="repair-safety__steps" {...a11y('安全步骤', 'list')}>
          {safetySteps.map((step, i) => (
            <View key={step.title} className="repair-safety__step" {...a11y(undefined, 'listitem')}>
              <Text className="repair-safety__number">{i + 1}</Text>
              <View className="repair-safety__body">
                <Text className="repair-safety__step-title">{step.title}</Text>
                <Text className="repair-safety__step-detail">{step.detail}</Text>
              </View>
            </View>
          ))}
        </View>
        {kind === 'co_alarm' ? (
          <Text className="repair-safety__note">{coPoisoningNote}</Text>
        ) : null}
      </View>
      <View className="repair-safety__actions">
        <EmergencyCall line={line} />
        <ActionButton
          main
          variant="secondary"
          onClick={() => openPage(reportUrl(kind))}
          label="继续报修（紧急，不需要拍照和预约）"
        >
          继续报修
        </ActionButton>
        <Text className="repair-safety__hint">
          紧急报修会尽快派人，不需要拍照，也不需要预约时间。
        </Text>
      </View>
    </PageRoot>
  )
}
