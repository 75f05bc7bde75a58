import { ClientPayParams, type OrderState, type PaymentOrder, type TimelineStep } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { OrderTransitionRow, PaymentOrderRow } from './order-entity'

/** A topological order of the state graph: sorting by it gives the order steps happened in. */
const RANK: OrderState[] = [
  'CREATED',
  'PAYING',
  'CLOSED',
  'PAID',
  'CREDITING',
  'CREDITED',
  'AWAITING_CARD_WRITE',
  'CARD_WRITTEN',
  'CREDIT_FAILED',
  'REFUNDING',
  'REFUNDED',
]

type Flavour = 'meter' | 'card' | 'bill'

function flavourOf(order: PaymentOrderRow): Flavour {
  if (order.purpose === 'bill') return 'bill'
  return order.accountKind === 'ic_prepaid' ? 'card' : 'meter'
}

const PATHS: Record<Flavour, OrderState[]> = {
  meter: ['CREATED', 'PAID', 'CREDITING', 'CREDITED'],
  card: ['CREATED', 'PAID', 'AWAITING_CARD_WRITE', 'CARD_WRITTEN'],
  bill: ['CREATED', 'PAID', 'CREDITING', 'CREDITED'],
}
const REFUND_PATH: OrderState[] = ['CREDIT_FAILED', 'REFUNDING', 'REFUNDED']

function labelOf(state: OrderState, flavour: Flavour): string {
  if (state === 'CREDITING') return flavour === 'meter' ? '已发往气表' : '正在入账'
  if (state === 'CREDITED') return flavour === 'meter' ? '气表已到账' : '已入账'
  return LABELS[state]
}

const LABELS: Record<OrderState, string> = {
  CREATED: '已下单',
  PAYING: '待支付',
  PAID: '已支付',
  CREDITING: '正在入账',
  CREDITED: '已入账',
  AWAITING_CARD_WRITE: '待写卡',
  CARD_WRITTEN: '已写卡',
  CLOSED: '已关闭',
  CREDIT_FAILED: '未能到账',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
}

function hintOf(order: PaymentOrderRow, flavour: Flavour): string | null {
  switch (order.state) {
    case 'CREATED':
    case 'PAYING':
      return `请在${toShanghaiIso(order.expiresAt).slice(11, 16)}前完成支付，超时订单将自动关闭`
    case 'PAID':
    case 'CREDITING':
    case 'CREDITED':
      if (flavour === 'bill') return order.state === 'CREDITED' ? '缴费成功' : '正在入账，请稍候'
      if (flavour === 'card') return '正在入账，完成后请写卡'
      return order.state === 'CREDITED'
        ? '气表已到账，可正常用气'
        : '充值已发往气表，气表联网后自动到账；长时间未到账可按一下气表上的通讯按钮'
    case 'AWAITING_CARD_WRITE':
      return '请携带燃气卡到就近营业网点或自助写卡点写卡，写卡后才能用气'
    case 'CARD_WRITTEN':
      return '已写卡，可正常用气'
    case 'CLOSED':
      return '订单已关闭，未扣款'
    case 'CREDIT_FAILED':
    case 'REFUNDING':
      return '未能按时到账，款项将原路退回'
    case 'REFUNDED':
      return '款项已原路退回，请留意支付账户'
  }
}

/** Reached steps with their times, then the steps still ahead on the expected path. */
function timelineOf(order: PaymentOrderRow, transitions: OrderTransitionRow[], flavour: Flavour) {
  const failed = RANK.indexOf(order.state) >= RANK.indexOf('CREDIT_FAILED')
  const path: OrderState[] =
    order.state === 'CLOSED'
      ? ['CREATED', 'CLOSED']
      : failed
        ? [...PATHS[flavour].slice(0, 2), ...REFUND_PATH]
        : PATHS[flavour]
  const visible = new Set<OrderState>([...PATHS[flavour], ...REFUND_PATH, 'CLOSED'])
  const reached = transitions
    .filter((t) => visible.has(t.toState))
    .sort((a, b) => RANK.indexOf(a.toState) - RANK.indexOf(b.toState))
  const steps: TimelineStep[] = reached.map((t) => ({
    state: t.toState,
    label: labelOf(t.toState, flavour),
    at: toShanghaiIso(t.at),
    done: true,
  }))
  const last = RANK.indexOf(reached.at(-1)?.toState ?? 'CREATED')
  const ahead = path.filter((state) => RANK.indexOf(state) > last)
  return [
    ...steps,
    ...ahead.map((state) => ({ state, label: labelOf(state, flavour), at: null, done: false })),
  ]
}

export function toPaymentOrder(
  order: PaymentOrderRow,
  transitions: OrderTransitionRow[],
  withClientParams: boolean,
): PaymentOrder {
  const flavour = flavourOf(order)
  const params =
    withClientParams && order.state === 'PAYING' && order.clientParams
      ? ClientPayParams.parse(JSON.parse(order.clientParams))
      : null
  return {
    orderNo: order.outTradeNo,
    accountNo: order.accountNo,
    purpose: order.purpose,
    channel: order.channel,
    amountFen: order.amountFen,
    toArrearsFen: order.toArrearsFen,
    state: order.state,
    stateLabel: labelOf(order.state, flavour),
    hint: hintOf(order, flavour),
    createdAt: toShanghaiIso(order.createdAt),
    expiresAt: toShanghaiIso(order.expiresAt),
    paidAt: order.paidAt ? toShanghaiIso(order.paidAt) : null,
    timeline: timelineOf(
      order,
      transitions.filter((t) => t.orderId === order.id),
      flavour,
    ),
    clientParams: params,
  }
}
