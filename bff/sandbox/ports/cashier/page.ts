import { formatFen } from '@gh/shared'
import type { CashierOrder } from '../../payments/providers'

export type CashierView =
  | { kind: 'confirm'; order: CashierOrder; returnUrl: string | undefined; expiresAtText: string }
  | { kind: 'paid-now' | 'cancelled-now'; order: CashierOrder; returnUrl: string | undefined }
  | {
      kind: 'paid' | 'closed' | 'expired' | 'refunded'
      order: CashierOrder
      returnUrl: string | undefined
    }
  | { kind: 'not-found' | 'bad-return' }

const providerNames: Record<CashierOrder['provider'], string> = {
  wechatpay: '微信支付',
  alipay: '支付宝',
}

const notices: Record<Exclude<CashierView['kind'], 'confirm'>, { title: string; text: string }> = {
  'paid-now': { title: '支付成功', text: '付款已完成，请返回查看订单。' },
  'cancelled-now': { title: '已取消支付', text: '本次没有扣款，可返回重新下单或稍后再付。' },
  paid: { title: '订单已支付', text: '这笔订单已经付过款，无需重复支付。' },
  closed: { title: '订单已关闭', text: '这笔订单已关闭，不能再支付，请返回重新下单。' },
  expired: { title: '订单已过期', text: '这笔订单已超过支付时间，请返回重新下单。' },
  refunded: { title: '订单已退款', text: '这笔订单的款项已退回。' },
  'not-found': { title: '订单不存在', text: '没有找到这笔订单，请返回重新下单。' },
  'bad-return': { title: '返回地址无效', text: '返回地址只能是本机（127.0.0.1 或 localhost）。' },
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;
 background:#f3f4f6;color:#111827;font-size:18px;line-height:1.5}
main{max-width:480px;margin:0 auto;padding:24px 20px}
.card{background:#fff;border-radius:16px;padding:24px 20px;margin-bottom:20px;text-align:center}
.provider{font-size:16px;color:#374151;margin:0 0 8px}
h1{font-size:24px;margin:0 0 12px}
.amount{font-size:40px;font-weight:700;margin:8px 0 4px}
.meta{color:#374151;margin:4px 0}
form{margin:0 0 16px}
button,.link{display:block;width:100%;min-height:56px;border-radius:12px;font-size:20px;
 font-weight:600;padding:12px;text-align:center;text-decoration:none;cursor:pointer}
.primary{background:#0b57d0;color:#fff;border:0}
.secondary{background:#fff;color:#111827;border:2px solid #4b5563}
button:focus-visible,.link:focus-visible{outline:3px solid #f59e0b;outline-offset:3px}
`

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} - 沙箱收银台</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`
}

function orderCard(order: CashierOrder, heading: string, extra = ''): string {
  const amount = formatFen(order.amountFen)
  return `<section class="card" aria-labelledby="title">
<p class="provider">${providerNames[order.provider]}（沙箱）</p>
<h1 id="title">${escape(heading)}</h1>
<p class="amount" aria-label="金额 ${escape(amount.replace('¥', ''))} 元">${escape(amount)}</p>
<p class="meta">${escape(order.description)}</p>
<p class="meta">订单号 ${escape(order.outTradeNo)}</p>
${extra}</section>`
}

function hiddenReturn(returnUrl: string | undefined): string {
  return returnUrl ? `<input type="hidden" name="return" value="${escape(returnUrl)}">` : ''
}

function backLink(returnUrl: string | undefined): string {
  return returnUrl ? `<a class="link primary" href="${escape(returnUrl)}">返回商户</a>` : ''
}

export function renderCashier(view: CashierView): string {
  if (view.kind === 'confirm') {
    const { order, returnUrl } = view
    const base = `/cashier/${encodeURIComponent(order.outTradeNo)}`
    return layout(
      '确认付款',
      `${orderCard(order, '确认付款', `<p class="meta">请在 ${escape(view.expiresAtText)} 前完成支付</p>\n`)}
<form method="post" action="${base}/pay">${hiddenReturn(returnUrl)}
<button type="submit" class="primary">确认支付</button>
</form>
<form method="post" action="${base}/cancel">${hiddenReturn(returnUrl)}
<button type="submit" class="secondary">取消支付</button>
</form>`,
    )
  }
  const notice = notices[view.kind]
  const text = `<p class="meta" role="status">${escape(notice.text)}</p>\n`
  if (!('order' in view)) {
    return layout(notice.title, `<section class="card"><h1>${notice.title}</h1>${text}</section>`)
  }
  return layout(
    notice.title,
    `${orderCard(view.order, notice.title, text)}\n${backLink(view.returnUrl)}`,
  )
}
