import { useRouter } from '@tarojs/taro'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { SharePayBody } from './parts/share-pay-body'
import '../../styles/order-status.scss'
import './index.scss'

/**
 * 家人请您代缴: a family member's share card (`?t=`). The payer logs in but binds nothing: they
 * see the masked account and the amount, pay, then follow the order. `&orderNo=` (back from the
 * H5 cashier) shows that order.
 */
export default function SharePayPage() {
  const { params } = useRouter()
  return (
    <PageRoot>
      <PageHeading title="家人请您代缴" subtitle="钱直接交到家人的户号上" />
      <SharePayBody token={params.t ?? ''} orderNo={params.orderNo} outcome={params.outcome} />
    </PageRoot>
  )
}
