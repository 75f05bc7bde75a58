import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  formatFen,
  proxyRequestKindLabels,
  yuanStringToFen,
  type AgentBookingOptions,
  type CreateProxyRequest,
  type CreatedProxyRequest,
} from '@gh/shared'
import { a11y } from '../../../a11y'
import { randomKey } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { useAction } from '../../../hooks/use-action'
import { useQuery } from '../../../hooks/use-query'
import { getBookingOptions, startProxyRequest } from '../../workbench/api'
import { shortTime } from '../../workbench/labels'

/** 代办 from the workbench: payments, and bookings in a slot the resident agreed on the phone. */
const kinds = {
  [proxyRequestKindLabels.pay_bill]: 'pay_bill',
  [proxyRequestKindLabels.top_up]: 'top_up',
  [proxyRequestKindLabels.report_fault]: 'report_fault',
  [proxyRequestKindLabels.book_inspection]: 'book_inspection',
} as const
type Kind = (typeof kinds)[keyof typeof kinds]
type Booking = Extract<Kind, 'report_fault' | 'book_inspection'>

const isBooking = (kind: Kind | undefined): kind is Booking =>
  kind === 'report_fault' || kind === 'book_inspection'

/** What the booking fields hold; labels are what the chips show. */
interface BookingInput {
  kindLabel: string | undefined
  slotLabel: string | undefined
  description: string
}

const emptyBooking: BookingInput = { kindLabel: undefined, slotLabel: undefined, description: '' }

/** A fault kind as a chip: urgent ones say so (someone comes at once, no slot). */
const kindChip = (k: AgentBookingOptions['kinds'][number]) =>
  k.urgent ? `${k.label}（紧急）` : k.label

/** The request a booking makes, or the reason it cannot be made yet. */
function bookingRequest(
  kind: Booking,
  accountNo: string,
  input: BookingInput,
  options: AgentBookingOptions,
): CreateProxyRequest | string {
  const slots = kind === 'book_inspection' ? options.inspectionSlots : options.repairSlots
  const slot = slots.find((s) => s.available && s.label === input.slotLabel)
  const description = input.description.trim()
  if (kind === 'book_inspection') {
    if (!slot) return '请选择上门安检时间'
    return {
      kind,
      accountNo,
      slot: { date: slot.date, window: slot.window },
      ...(description ? { description } : {}),
    }
  }
  const repairKind = options.kinds.find((k) => kindChip(k) === input.kindLabel)
  if (!repairKind) return '请选择故障类型'
  if (repairKind.urgent) return { kind, accountNo, repairKind: repairKind.kind, description }
  if (!description) return '请描述一下故障情况'
  if (!slot) return '请选择上门时间'
  return {
    kind,
    accountNo,
    repairKind: repairKind.kind,
    description,
    slot: { date: slot.date, window: slot.window },
  }
}

/** 报修 and 预约安检: the kind, a slot from the account's list (not for urgent kinds), a note. */
function BookingFields(props: {
  kind: Booking
  accountNo: string
  input: BookingInput
  onChange: (input: BookingInput) => void
  onOptions: (options: AgentBookingOptions) => void
}) {
  const { kind, accountNo, input, onChange, onOptions } = props
  const { state } = useQuery(['agent', 'booking-options', accountNo], () =>
    getBookingOptions(accountNo),
  )
  // A cached answer is shown without asking again: the form learns it from the state.
  useEffect(() => {
    if (state.status === 'success') onOptions(state.data)
  }, [state, onOptions])
  if (state.status === 'loading') return <Text className="card__text">正在读取可预约时间…</Text>
  if (state.status === 'error') {
    return (
      <Text className="agent-error" {...a11y(undefined, 'alert')}>
        ⚠ {state.error.message}
      </Text>
    )
  }
  const options = state.data
  const repairKind = options.kinds.find((k) => kindChip(k) === input.kindLabel)
  const slots = (kind === 'book_inspection' ? options.inspectionSlots : options.repairSlots)
    .filter((s) => s.available)
    .map((s) => s.label)
  const needsSlot = kind === 'book_inspection' || (repairKind !== undefined && !repairKind.urgent)
  return (
    <>
      {kind === 'report_fault' ? (
        <ChoiceChips
          label="故障类型"
          choices={options.kinds.map(kindChip)}
          value={input.kindLabel}
          onChange={(kindLabel) => onChange({ ...input, kindLabel })}
        />
      ) : null}
      {repairKind?.advice ? (
        <Text className="card__text">请提醒居民：{repairKind.advice}</Text>
      ) : null}
      {needsSlot ? (
        slots.length > 0 ? (
          <ChoiceChips
            label={kind === 'book_inspection' ? '安检时间' : '上门时间'}
            choices={slots}
            value={input.slotLabel}
            onChange={(slotLabel) => onChange({ ...input, slotLabel })}
          />
        ) : (
          <Text className="card__text">近几天没有可预约的时间，请稍后再试。</Text>
        )
      ) : null}
      <FormField
        label={kind === 'book_inspection' ? '备注（可不填）' : '故障描述'}
        value={input.description}
        onChange={(description) => onChange({ ...input, description })}
        maxLength={200}
        placeholder={
          kind === 'book_inspection' ? '例如 老人独居，请提前电话联系' : '例如 灶具打不着火'
        }
      />
    </>
  )
}

function parseYuan(text: string): number | undefined {
  try {
    return yuanStringToFen(text.trim())
  } catch {
    return undefined
  }
}

/** The code, shown once: the agent reads it to the resident, who pays with their own phone. */
function Created({ created }: { created: CreatedProxyRequest }) {
  const { request, code } = created
  const booking = isBooking(request.kind)
  return (
    <View className="card" {...a11y(undefined, 'status')}>
      <Text className="card__title">请把验证码读给居民：{code.split('').join(' ')}</Text>
      <Text className="card__text">
        {request.kindLabel}
        {request.amountFen !== null ? ` ${formatFen(request.amountFen)}` : ''}
        {request.slot
          ? ` ${request.slot.date} ${request.slot.window === 'am' ? '上午' : '下午'}`
          : ''}
        ，{shortTime(request.expiresAt)} 前有效。验证码只显示这一次。
      </Text>
      <Text className="card__text">
        {booking
          ? '居民在小程序里输入验证码确认后，预约就以居民本人的名义提交。'
          : '居民在小程序里输入验证码后，用自己的微信或支付宝付款，您不经手钱款。'}
      </Text>
    </View>
  )
}

/** 代办: start a payment or a booking for the resident, who confirms it with a one-time code. */
export function ProxyForm({ accountNo }: { accountNo: string }) {
  const [kindLabel, setKindLabel] = useState<string | undefined>()
  const [amount, setAmount] = useState('')
  const [booking, setBooking] = useState<BookingInput>(emptyBooking)
  const [error, setError] = useState<string | undefined>()
  const [created, setCreated] = useState<CreatedProxyRequest | undefined>()
  const key = useRef(randomKey())
  const options = useRef<AgentBookingOptions | undefined>(undefined)
  const kind = kindLabel ? kinds[kindLabel] : undefined
  const rememberOptions = useCallback((loaded: AgentBookingOptions) => {
    options.current = loaded
  }, [])

  const start = useAction(
    async () => {
      if (!kind) return setError('请先选择代办类型')
      let body: CreateProxyRequest
      if (isBooking(kind)) {
        if (!options.current) return setError('可预约时间还没读到，请稍候')
        const made = bookingRequest(kind, accountNo, booking, options.current)
        if (typeof made === 'string') return setError(made)
        body = made
      } else {
        const amountFen = amount.trim() === '' ? undefined : parseYuan(amount)
        if (amount.trim() !== '' && !amountFen) return setError('请输入正确的金额，例如 100')
        if (kind === 'top_up' && !amountFen) return setError('请输入充值金额')
        body =
          kind === 'top_up'
            ? { kind, accountNo, amountFen: amountFen ?? 0 }
            : { kind, accountNo, ...(amountFen ? { amountFen } : {}) }
      }
      setError(undefined)
      setCreated(await startProxyRequest(body, key.current))
      key.current = randomKey()
    },
    { onError: (err) => setError(err.message) },
  )

  return (
    <>
      <View className="card">
        <Text className="card__title">代办</Text>
        <Text className="card__text">
          替居民发起缴费、报修或预约安检，居民凭您读给他的验证码确认：钱款由居民自己支付。
        </Text>
        <ChoiceChips
          label="代办类型"
          choices={Object.keys(kinds)}
          value={kindLabel}
          onChange={(value) => {
            setKindLabel(value)
            setBooking(emptyBooking)
            setError(undefined)
            // Another kind is another request: it must not replay the last one's key.
            key.current = randomKey()
          }}
        />
        {kind && !isBooking(kind) ? (
          <FormField
            label={kind === 'top_up' ? '充值金额（元）' : '缴费金额（元，可不填，默认全部待缴）'}
            value={amount}
            onChange={setAmount}
            maxLength={9}
            placeholder="例如 100"
          />
        ) : null}
        {isBooking(kind) ? (
          <BookingFields
            kind={kind}
            accountNo={accountNo}
            input={booking}
            onChange={setBooking}
            onOptions={rememberOptions}
          />
        ) : null}
        {error ? (
          <Text className="agent-error" {...a11y(undefined, 'alert')}>
            ⚠ {error}
          </Text>
        ) : null}
        <View className="agent-actions">
          <ActionButton onClick={() => void start.run()}>
            {start.busy ? '正在发起…' : '发起代办'}
          </ActionButton>
        </View>
      </View>
      {created ? <Created created={created} /> : null}
    </>
  )
}
