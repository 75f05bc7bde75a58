import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { formatFen } from '@gh/shared'
import type { HeatingApplication, HeatingOffer, HeatingStops } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { showMessage, showModal } from '../../../elder/modal'
import { useAction } from '../../../hooks/use-action'
import { attemptFor, type KeyedAttempt } from '../../../payments'
import { applyHeatingStop, cancelHeatingStop } from '../api'
import { Steps } from './steps'

/** What an application does to the season's fee, before it is submitted. */
function FeeEffect({ offer }: { offer: HeatingOffer }) {
  const { effect } = offer
  if (!effect) return null
  const verb = offer.kind === 'stop' ? '报停' : '恢复'
  const change =
    effect.changeFen < 0
      ? `少缴 ${formatFen(-effect.changeFen)}`
      : `多缴 ${formatFen(effect.changeFen)}`
  return (
    <View className="heating-effect" {...a11y(undefined, 'group')}>
      <Text className="heating-effect__head">费用变化</Text>
      <View className="heating-effect__row">
        <Text className="heating-effect__label">{verb}前本季热费</Text>
        <Text className="heating-effect__value">{formatFen(effect.feeBeforeFen)}</Text>
      </View>
      <View className="heating-effect__row">
        <Text className="heating-effect__label">{verb}后本季热费</Text>
        <Text className="heating-effect__value heating-effect__value--after">
          {formatFen(effect.feeAfterFen)}
        </Text>
      </View>
      <Text className="heating-effect__change">{change}</Text>
      <Text className="heating-effect__text">{effect.explanation}</Text>
    </View>
  )
}

function OfferCard({ accountNo, offer }: { accountNo: string; offer: HeatingOffer }) {
  const attempt = useRef<KeyedAttempt<string>>()
  const apply = useAction(async () => {
    const after = offer.effect?.feeAfterFen
    if (after === undefined) return
    const confirmed = await showModal({
      title: `确认申请${offer.kindLabel}？`,
      content: `${offer.effect?.explanation ?? ''}`,
      confirmText: `确认${offer.kind === 'stop' ? '报停' : '恢复'}`,
      cancelText: '再想想',
    })
    if (!confirmed) return
    attempt.current = attemptFor(attempt.current, `${offer.kind}:${offer.season.year}:${after}`)
    const application = await applyHeatingStop(
      accountNo,
      { kind: offer.kind, seasonYear: offer.season.year, expectedFeeFen: after },
      attempt.current.key,
    )
    await showMessage(`${offer.kindLabel}申请已受理`, application.cancelNote)
  })
  return (
    <View className="card heating-offer">
      <Text className="card__title">
        {offer.kindLabel}（{offer.season.label}）
      </Text>
      <Text className="heating-offer__window">受理时间：{offer.windowText}</Text>
      {offer.heatedFrom && offer.canApply ? (
        <Text className="heating-offer__window">申请后 {offer.heatedFrom} 起恢复供暖</Text>
      ) : null}
      <FeeEffect offer={offer} />
      {offer.canApply ? (
        <View className="heating-offer__action">
          <ActionButton main onClick={() => void apply.run()}>
            {apply.busy ? '正在提交…' : `申请${offer.kindLabel}`}
          </ActionButton>
        </View>
      ) : (
        <View className="heating-refusal" {...a11y(undefined, 'note')}>
          <Text className="heating-refusal__mark">!</Text>
          <Text className="heating-refusal__text">{offer.reason}</Text>
        </View>
      )}
    </View>
  )
}

function ApplicationCard({
  accountNo,
  application,
}: {
  accountNo: string
  application: HeatingApplication
}) {
  const attempt = useRef<KeyedAttempt<string>>()
  const cancel = useAction(async () => {
    const confirmed = await showModal({
      title: `撤回${application.kindLabel}申请？`,
      content:
        application.kind === 'stop'
          ? '撤回后本季恢复正常供暖，按全价计收热费。'
          : '撤回后本季仍按报停计收，不上门开栓。',
      confirmText: '确认撤回',
      cancelText: '不撤回',
      danger: true,
    })
    if (!confirmed) return
    attempt.current = attemptFor(attempt.current, application.applicationId)
    await cancelHeatingStop(accountNo, application.applicationId, attempt.current.key)
    await showMessage('已撤回', `${application.kindLabel}申请已撤回。`)
  })
  return (
    <View className="card heating-application">
      <View className="heating-application__head">
        <Text className="card__title">
          {application.kindLabel}申请 · {application.season.label}
        </Text>
        <Text className={`heating-badge heating-badge--${application.status}`}>
          {application.statusLabel}
        </Text>
      </View>
      <Text className="heating-application__fee">
        本季热费 {formatFen(application.seasonFeeFen)}
      </Text>
      <Steps steps={application.steps} label={`${application.kindLabel}申请进度`} />
      <Text className="heating-application__note">{application.cancelNote}</Text>
      {application.canCancel ? (
        <View className="heating-offer__action">
          <ActionButton variant="secondary" onClick={() => void cancel.run()}>
            {cancel.busy ? '正在撤回…' : `撤回${application.kindLabel}申请`}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

/** 报停 and 恢复供暖: what each would do to the fee (or why not now), and the applications. */
export function StopSection({ accountNo, stops }: { accountNo: string; stops: HeatingStops }) {
  return (
    <View className="heating-section">
      <Text className="section-title">报停和恢复供暖</Text>
      <OfferCard accountNo={accountNo} offer={stops.stop} />
      {stops.resume.code !== 'HEATING_NOT_STOPPED' ? (
        <OfferCard accountNo={accountNo} offer={stops.resume} />
      ) : null}
      {stops.applications.map((application) => (
        <ApplicationCard
          key={application.applicationId}
          accountNo={accountNo}
          application={application}
        />
      ))}
    </View>
  )
}
