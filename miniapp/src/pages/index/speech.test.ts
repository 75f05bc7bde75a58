import type { HomePage } from '@gh/shared'
import { aBill, aHomeDue, aHomePage, anOrder } from '../../../test/fixtures'
import { homeView } from './home-view'
import { homeSpeech } from './speech'

const account = { title: '父母家', accountNo: '1000000001' }
const said = (page: HomePage) =>
  homeSpeech({ loggedIn: true, account, home: { view: homeView(page), asOf: page.generatedAt } })

describe('what 朗读 says on the home page', () => {
  test('when nobody is logged in, then home reads the service intro, the next step and the phone digit by digit', () => {
    const text = homeSpeech({ loggedIn: false, servicePhone: '0531-96777' })
    expect(text).toContain('交燃气费')
    expect(text).toContain('请点“去登录”。')
    expect(text).toContain('客服电话：零五三一，九六七七七。')
  })

  test('when logged in but no account is bound, then home says so and names the button', () => {
    const text = homeSpeech({ loggedIn: true })
    expect(text).toContain('您还没有绑定户号')
    expect(text).toContain('请点“去绑定户号”')
  })

  test('when a prepaid account shows, then the balance, the days it lasts with their basis and 充值 come first', () => {
    const text = said(aHomePage())
    expect(text).toContain(
      '当前户号：父母家，一零零零零零零零零一。余额八十六元五角，约可用十二天，按近期每天的用气量估算。充值请点“充值”。需要报修，请点“报修”。',
    )
  })

  test('when an IC-card meter shows, then 朗读 says the balance is as of the last card insertion', () => {
    const text = said(
      aHomePage({
        balance: {
          status: 'ok',
          balance: { meterKind: 'ic', balanceFen: 200, daysOfGas: 2, online: null },
        },
      }),
    )
    expect(text).toContain(
      '余额两元，约可用两天，按近期每天的用气量估算，IC卡表的余额以上次插卡时为准。',
    )
  })

  test('when the account is overdue, then what it owes, how late, the late fee and 立即缴费 are read', () => {
    const text = said(aHomePage({ due: { status: 'ok', due: aHomeDue() } }))
    expect(text).toContain(
      '欠费一百零八元三角六分。已逾期二十六天。其中滞纳金两元五角九分。缴费请点“立即缴费”。',
    )
  })

  test('when a section could not be loaded, then its message and 重试 are read', () => {
    const down = {
      status: 'unavailable',
      message: '气表余额暂时无法获取',
      retryable: true,
    } as const
    const text = said(aHomePage({ balance: down }))
    expect(text).toContain('余额暂时无法显示：气表余额暂时无法获取。可以点“重试”。')
  })

  test('when notices, a bill, a top-up and a repair show, then each is read in words with no digit left', () => {
    const text = said(
      aHomePage({
        due: {
          status: 'ok',
          due: aHomeDue({ overdue: false, oldestDueAt: '2026-12-15T23:59:59+08:00' }),
        },
        latestBill: { status: 'ok', bill: aBill({ overdue: false }) },
        lastTopUp: { status: 'ok', order: anOrder() },
        openRepair: {
          status: 'ok',
          repair: {
            repairId: 'WO1',
            title: '灶具打不着火',
            statusLabel: '已派单',
            etaAt: '2026-11-26T14:00:00+08:00',
            updatedAt: '2026-11-26T09:40:00+08:00',
          },
        },
        supplyStops: {
          status: 'ok',
          notices: [
            {
              noticeId: 'N1',
              areaCode: '11010101',
              kind: 'gas',
              title: '幸福里小区11月28日管道检修停气',
              reason: '管道检修',
              scope: '幸福里小区1-6栋',
              startsAt: '2026-11-28T09:00:00+08:00',
              endsAt: '2026-11-28T17:00:00+08:00',
              issuedAt: '2026-11-25T09:00:00+08:00',
              status: 'upcoming',
              advice: [],
            },
          ],
        },
      }),
    )
    expect(text).toContain('应缴金额一百零八元三角六分。请在二零二六年十二月十五日前缴清。')
    expect(text).toContain('停气通知：幸福里小区十一月二十八日管道检修停气。即将开始')
    expect(text).toContain('最近一次充值一百元：已发往气表。')
    expect(text).toContain(
      '报修：灶具打不着火。进度：已派单。预计二零二六年十一月二十六日 下午两点整。',
    )
    expect(text).toContain('最新账单：二零二六年九月燃气费。金额三十三元五角一分，未缴。')
    expect(text).not.toMatch(/\d/)
  })

  test('when a heated home is in season, then the season, its state and fee are read', () => {
    const text = said(
      aHomePage({
        heating: {
          status: 'ok',
          heating: {
            seasonStartsOn: '2026-11-15',
            seasonEndsOn: '2027-03-15',
            inSeason: true,
            heatedThisSeason: true,
            seasonFeeFen: 216832,
          },
        },
      }),
    )
    expect(text).toContain(
      '供暖：本供暖季从二零二六年十一月十五日到二零二七年三月十五日，正在供暖。供暖费两千一百六十八元三角两分。',
    )
  })

  test('when the account’s page is still loading, then 朗读 says so instead of guessing', () => {
    expect(homeSpeech({ loggedIn: true, account })).toContain('正在加载，请稍后再点朗读')
  })
})
