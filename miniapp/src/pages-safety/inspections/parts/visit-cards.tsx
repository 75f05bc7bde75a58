import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { Inspections, InspectionSlot, InspectionVisit } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { SlotList } from '../../../components/slot-list'
import { showMessage, showModal } from '../../../elder/modal'
import { useAction } from '../../../hooks/use-action'
import { openPage, pages } from '../../../navigation/pages'
import { attemptFor, type KeyedAttempt } from '../../../payments'
import { changeInspection } from '../api'

/** 安检不合格已停气, or gas back after a passed 复检: said first, in words and a mark. */
export function SupplyCard({ accountNo, data }: { accountNo: string; data: Inspections }) {
  if (data.supply === 'suspended') {
    return (
      <View
        className="card inspection-supply inspection-supply--stopped"
        {...a11y(undefined, 'alert')}
      >
        <Text className="inspection-supply__title">⚠ 安检不合格，已停止供气</Text>
        <Text className="card__text">
          请按下面列出的问题整改，再预约复检。复检合格后即可恢复供气、在线充值。
        </Text>
      </View>
    )
  }
  if (data.supply === 'restored') {
    return (
      <View
        className="card inspection-supply inspection-supply--restored"
        {...a11y(undefined, 'status')}
      >
        <Text className="inspection-supply__title">✓ 复检合格，已恢复供气</Text>
        <Text className="card__text">现在可以充值用气了。开阀点火前请先开窗通风。</Text>
        <View className="inspection-card__action">
          <ActionButton main onClick={() => openPage(`${pages.recharge}?accountNo=${accountNo}`)}>
            去充值
          </ActionButton>
        </View>
      </View>
    )
  }
  return null
}

/** The last inspection done: when, the verdict and each finding. */
export function LastCard({ last }: { last: InspectionVisit | null }) {
  if (!last) {
    return (
      <View className="card">
        <Text className="card__title">上次安检</Text>
        <Text className="card__text">还没有安检记录。</Text>
      </View>
    )
  }
  return (
    <View className="card inspection-last">
      <View className="inspection-card__head">
        <Text className="card__title">
          上次{last.kindLabel} · {last.whenLabel}
        </Text>
        <Text className={`inspection-badge inspection-badge--${last.state}`}>
          {last.state === 'passed' ? '✓ ' : '✗ '}
          {last.stateLabel}
        </Text>
      </View>
      {last.findings.length === 0 ? (
        <Text className="card__text">没有发现问题。</Text>
      ) : (
        last.findings.map((f) => (
          <View
            key={`${f.item}-${f.note}`}
            className={`inspection-finding inspection-finding--${f.severity}`}
          >
            <Text className="inspection-finding__head">
              {f.severityLabel} · {f.item}
            </Text>
            <Text className="inspection-finding__note">{f.note}</Text>
          </View>
        ))
      )}
    </View>
  )
}

/** No visit booked: pick a slot and book (a 复检 after a failed inspection). */
export function BookCard({ accountNo, data }: { accountNo: string; data: Inspections }) {
  const [slot, setSlot] = useState<InspectionSlot | null>(null)
  const [missing, setMissing] = useState(false)
  const attempt = useRef<KeyedAttempt<string>>()
  const kind = data.nextKind === 're_inspection' ? '复检' : '安检'
  const book = useAction(async () => {
    if (!slot) {
      setMissing(true)
      return
    }
    attempt.current = attemptFor(attempt.current, `${slot.date}-${slot.window}`)
    const after = await changeInspection(accountNo, { action: 'book', slot }, attempt.current.key)
    await showMessage(`已预约${kind}`, `${after.next?.whenLabel ?? ''}上门，请家中留人。`)
  })
  return (
    <View className="card inspection-book">
      <Text className="card__title">预约{kind}</Text>
      <Text className="card__text">选一个上门时间，安检员会检查灶具、软管、热水器和燃气表。</Text>
      <SlotList
        block="inspection-slots"
        groupLabel="上门时间"
        slots={data.slots}
        value={slot}
        onChange={(s) => {
          setSlot(s)
          setMissing(false)
        }}
      />
      {missing ? (
        <Text className="inspection-card__missing" {...a11y(undefined, 'alert')}>
          请先选一个上门时间
        </Text>
      ) : null}
      <View className="inspection-card__action">
        <ActionButton main onClick={() => void book.run()}>
          {book.busy ? '正在预约…' : `预约${kind}`}
        </ActionButton>
      </View>
    </View>
  )
}

/** The booked visit: when, and 改约 (another slot) or 取消. */
export function NextCard(props: { accountNo: string; next: InspectionVisit; data: Inspections }) {
  const { accountNo, next, data } = props
  const [moving, setMoving] = useState(false)
  const [slot, setSlot] = useState<InspectionSlot | null>(null)
  const moveAttempt = useRef<KeyedAttempt<string>>()
  const cancelAttempt = useRef<KeyedAttempt<string>>()
  const move = useAction(async () => {
    if (!slot) return
    moveAttempt.current = attemptFor(moveAttempt.current, `${slot.date}-${slot.window}`)
    const after = await changeInspection(
      accountNo,
      { action: 'reschedule', inspectionId: next.inspectionId, slot },
      moveAttempt.current.key,
    )
    setMoving(false)
    await showMessage('已改约', `${after.next?.whenLabel ?? ''}上门，请家中留人。`)
  })
  const cancel = useAction(async () => {
    const confirmed = await showModal({
      title: `取消${next.kindLabel}预约？`,
      content: '取消后安检员不会上门，需要时可以重新预约。',
      confirmText: '确认取消',
      cancelText: '不取消',
      danger: true,
    })
    if (!confirmed) return
    cancelAttempt.current = attemptFor(cancelAttempt.current, next.inspectionId)
    await changeInspection(
      accountNo,
      { action: 'cancel', inspectionId: next.inspectionId },
      cancelAttempt.current.key,
    )
  })
  return (
    <View className="card inspection-next">
      <View className="inspection-card__head">
        <Text className="card__title">已预约{next.kindLabel}</Text>
        <Text className="inspection-badge inspection-badge--booked">{next.stateLabel}</Text>
      </View>
      <Text className="inspection-next__when">{next.whenLabel}</Text>
      <Text className="card__text">请家中留人。安检员上门时会出示工作证，安检不收费。</Text>
      {moving ? (
        <>
          <SlotList
            block="inspection-slots"
            groupLabel="上门时间"
            slots={data.slots}
            value={slot}
            onChange={setSlot}
          />
          <View className="inspection-card__action">
            <ActionButton main onClick={() => void move.run()}>
              {move.busy ? '正在改约…' : slot ? '确认改约' : '请选一个新时间'}
            </ActionButton>
          </View>
        </>
      ) : (
        <View className="inspection-card__actions">
          <ActionButton variant="secondary" onClick={() => setMoving(true)}>
            改约时间
          </ActionButton>
          <ActionButton variant="secondary" onClick={() => void cancel.run()}>
            {cancel.busy ? '正在取消…' : '取消预约'}
          </ActionButton>
        </View>
      )}
    </View>
  )
}
