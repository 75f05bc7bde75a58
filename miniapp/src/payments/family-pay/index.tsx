import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { formatFen } from '@gh/shared'
import type { PayShare } from '@gh/shared'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { useAction } from '../../hooks/use-action'
import { attemptFor, type KeyedAttempt } from '../attempt-key'
import { shortTime } from '../order-status'
import { createPayShare } from './api'
import { LinkQr } from './link-qr'
import { shareLinkH5 } from './share-link'
import './index.scss'

export interface FamilyPayProps {
  accountNo: string
  /** The amount chosen above, or null to let the family member choose. */
  amountFen: number | null
  /** Why the typed amount cannot be used; the card is not made with it. */
  amountError: string | undefined
  /** The card made, for the page's share handler; undefined when there is none (any more). */
  onShare: (share: PayShare | undefined) => void
  /** What the family member pays: a top-up (default) or what the bills owe now. */
  purpose?: PayShare['purpose']
}

/**
 * 请家人代缴 (secondary to 去支付): makes a card a family member who is not bound to the account
 * can pay through, then hands it over: the platform's share button in the mini-programs, a
 * link (and QR code) in the browser.
 */
export function FamilyPay(props: FamilyPayProps) {
  const { accountNo, amountFen, amountError, onShare, purpose = 'recharge' } = props
  const [share, setShare] = useState<PayShare | undefined>()
  const [error, setError] = useState<string | undefined>()
  const attempt = useRef<KeyedAttempt<number | null> | undefined>(undefined)
  const onShareRef = useRef(onShare)
  useEffect(() => {
    onShareRef.current = onShare
  })

  // A card is for one amount: choosing another makes the shown card stale.
  useEffect(() => {
    setShare(undefined)
    setError(undefined)
    onShareRef.current(undefined)
  }, [amountFen])
  useEffect(() => () => onShareRef.current(undefined), [])

  const making = useAction(
    async () => {
      attempt.current = attemptFor(attempt.current, amountFen)
      const made = await createPayShare(accountNo, { purpose, amountFen }, attempt.current.key)
      attempt.current = undefined
      setShare(made)
      onShareRef.current(made)
    },
    { onError: (err) => setError(err.message) },
  )
  const { busy } = making

  const create = async () => {
    if (busy) return
    if (amountError) return setError(amountError)
    setError(undefined)
    await making.run()
  }

  return (
    <View className="family-pay">
      {share ? (
        <SharePanel share={share} />
      ) : (
        <ActionButton
          variant="secondary"
          onClick={() => void create()}
          label={busy ? '正在生成代缴链接' : '请家人代缴：生成链接发给家人，由家人支付'}
        >
          {busy ? '正在生成…' : '请家人代缴'}
        </ActionButton>
      )}
      {error ? (
        <Text className="family-pay__error" {...a11y(undefined, 'alert')}>
          ⚠ {error}
        </Text>
      ) : null}
    </View>
  )
}

function SharePanel({ share }: { share: PayShare }) {
  const amount = share.amountFen !== null ? formatFen(share.amountFen) : '由家人选择的金额'
  return (
    <View className="family-pay__panel" {...a11y(undefined, 'status')}>
      <Text className="family-pay__title">代缴链接已生成</Text>
      <Text className="card__text">
        家人打开后可直接支付 {amount}，不用绑定户号，只能看到户号前后几位。
      </Text>
      <Text className="card__text">有效期至 {shortTime(share.expiresAt)}</Text>
      {process.env.TARO_ENV === 'h5' ? <H5Link path={share.path} /> : <ShareButton />}
    </View>
  )
}

/**
 * WeChat and Alipay: the native share button; the platform asks the page for the card, and
 * the recharge page's share handler (PageRoot) answers with this card's path.
 */
function ShareButton() {
  return (
    <Button
      className="action-button action-button--secondary family-pay__send"
      hoverClass="action-button--pressed"
      openType="share"
      {...a11y('发给家人：在微信或支付宝里选择家人发送')}
    >
      发给家人
    </Button>
  )
}

function H5Link({ path }: { path: string }) {
  const link = shareLinkH5(path, window.location.origin)
  const copy = () => {
    Taro.setClipboardData({ data: link })
      .then(() => Taro.showToast({ title: '链接已复制，发给家人即可', icon: 'none' }))
      .catch((err: unknown) => {
        console.warn('copy link failed', err)
        void Taro.showToast({ title: '没能复制链接，请截图发给家人', icon: 'none' })
      })
  }
  return (
    <>
      <Text className="family-pay__link" selectable>
        {link}
      </Text>
      <LinkQr link={link} />
      <View className="family-pay__send">
        <ActionButton variant="secondary" onClick={copy}>
          复制链接
        </ActionButton>
      </View>
    </>
  )
}
