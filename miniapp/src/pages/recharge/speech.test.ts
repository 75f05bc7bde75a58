import type { PaymentOptions } from '@gh/shared'
import { rechargeSpeech } from './speech'

const options = (over: Partial<PaymentOptions['recharge']> = {}, owedFen = 0): PaymentOptions => ({
  recharge: {
    refusal: null,
    minFen: 1000,
    maxFen: 200000,
    presets: [
      { amountFen: 5000, allowed: true, daysOfGas: 12 },
      { amountFen: 10000, allowed: true, daysOfGas: 25 },
      { amountFen: 500000, allowed: false, daysOfGas: null },
    ],
    ...over,
  },
  bill: { owedFen, refusal: null },
  daysOfGasNow: 2,
  daysOfGasBasis: '按近30天日均 1.2 m³ 估算',
})

const home = { title: '我家', accountNo: '1000000001', suspended: false }

describe('交燃气费 read aloud', () => {
  test('when an amount is chosen on an account that owes money, then account, days, arrears, the split and 去支付 are read', () => {
    const text = rechargeSpeech({
      loggedIn: true,
      account: home,
      options: options({}, 3000),
      amountFen: 10000,
    })
    expect(text).toBe(
      '交燃气费。当前户号：我家，一零零零零零零零零一。当前余额约可用两天。' +
        '欠费三十元，充值会先抵扣欠费，充值金额不能少于欠费。可选金额：五十元、一百元。' +
        '已选充值一百元，其中三十元抵扣欠费，七十元存入气表，充值后约可用二十五天。' +
        '下一步：点“去支付”。支付后可在缴费记录查看到账进度，不会重复扣款。',
    )
  })

  test('when no amount is chosen, then the resident is told to choose one first', () => {
    const text = rechargeSpeech({
      loggedIn: true,
      account: home,
      options: options(),
      amountFen: null,
    })
    expect(text).toContain('请先选择充值金额，再点“去支付”。')
    expect(text).not.toContain('欠费')
  })

  test('when the account may not be topped up, then the reason is read in words and no amount is offered', () => {
    const text = rechargeSpeech({
      loggedIn: true,
      account: { ...home, suspended: true },
      options: options({ refusal: '该户已停止供气，欠费 ¥30.00，请联系客服' }),
      amountFen: 5000,
    })
    expect(text).toContain('该户已停止供气，不能在线充值。')
    expect(text).toContain('暂时不能充值：该户已停止供气，欠费三十元，请联系客服。')
    expect(text).not.toContain('可选金额')
  })

  test('when nobody is logged in or no account is bound, then the one next step is read', () => {
    expect(rechargeSpeech({ loggedIn: false })).toBe(
      '交燃气费。登录并绑定户号后可以充值。请点“去登录”。',
    )
    expect(rechargeSpeech({ loggedIn: true })).toContain('请点“去绑定户号”。')
  })
})
