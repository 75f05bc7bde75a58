import type {
  HeatingComplaint,
  HeatingComplaints,
  HeatingOffer,
  HeatingOverview,
  HeatingStops,
} from '@gh/shared'
import type { HeatingData } from './api'
import { heatingSpeech, speakTemperature, spoken } from './speech'

const overview: HeatingOverview = {
  accountNo: '1000000004',
  asOf: '2026-11-26T10:00:00+08:00',
  season: {
    year: 2026,
    label: '2026-2027 采暖季',
    startsOn: '2026-11-15',
    endsOn: '2027-03-15',
    days: 121,
    phase: 'in',
  },
  supply: { state: 'heated', label: '正常供暖', heatedFrom: null },
  fee: {
    basis: 'area',
    areaDm2: 9856,
    priceFenPerM2: 2280,
    seasonFeeFen: 224717,
    creditFen: 0,
    lateFeeFen: 0,
    paidFen: 0,
    outstandingFen: 224717,
    billId: 'H10000000042026',
    dueAt: '2026-12-31T23:59:59+08:00',
    formula: '建筑面积 98.56 m² × 22.80 元/m² = 2247.17 元',
    lines: [],
  },
  rules: { fee: '', stop: '', resume: '', temperature: '' },
  stop: {
    canApply: false,
    code: 'HEATING_STOP_WINDOW_CLOSED',
    reason:
      '报停须在采暖季开始前申请：2027-2028 采暖季的报停申请期为 2027年9月1日至10月31日，请到时再来办理。',
    season: { year: 2027, label: '2027-2028 采暖季' },
  },
  resume: { canApply: false, code: 'HEATING_NOT_STOPPED', reason: '本季正常供暖，不需要恢复。' },
  complaint: { canApply: true, code: null, reason: null, open: null },
}

const offer = (o: Partial<HeatingOffer>): HeatingOffer => ({
  kind: 'stop',
  kindLabel: '报停',
  season: { year: 2027, label: '2027-2028 采暖季' },
  canApply: false,
  code: 'HEATING_STOP_WINDOW_CLOSED',
  reason: overview.stop.reason,
  windowText: '2027年9月1日至10月31日',
  heatedFrom: null,
  effect: null,
  ...o,
})

const stops: HeatingStops = {
  accountNo: '1000000004',
  asOf: overview.asOf,
  stop: offer({}),
  resume: offer({
    kind: 'resume',
    kindLabel: '恢复供暖',
    code: 'HEATING_NOT_STOPPED',
    reason: '本季正常供暖，不需要恢复。',
  }),
  applications: [],
}

const complaints: HeatingComplaints = {
  accountNo: '1000000004',
  asOf: overview.asOf,
  season: overview.season,
  report: { canApply: true, code: null, reason: null },
  rule: {
    standardTenths: 180,
    bands: [
      {
        belowTenths: 180,
        percent: 50,
        perDayFen: 929,
        text: '低于18℃、不低于16℃：每天补偿日热费的 50%（9.29 元）',
      },
      {
        belowTenths: 160,
        percent: 100,
        perDayFen: 1857,
        text: '低于16℃：每天补偿日热费的 100%（18.57 元）',
      },
    ],
    fixWithinDays: 3,
    dailyFeeFen: 1857,
    dailyFeeFormula: '建筑面积 98.56 m² × 22.80 元/m² ÷ 121 天 = 18.57 元',
    text: '',
  },
  slots: [],
  complaints: [],
}

const data: HeatingData = { overview, stops, complaints }

const resolved: HeatingComplaint = {
  complaintId: 'HC0123456789',
  season: { year: 2026, label: '2026-2027 采暖季' },
  reportedAt: '2026-11-26T10:00:00+08:00',
  reportedTenths: 165,
  photoId: null,
  status: 'resolved',
  statusLabel: '已复测达标，补偿待入账',
  visit: {
    slotId: '20261126-pm',
    startsAt: '2026-11-26T14:00:00+08:00',
    endsAt: '2026-11-26T17:00:00+08:00',
    label: '11月26日 周四 下午 14:00–17:00',
  },
  measurement: {
    measuredAt: '2026-11-26T15:00:00+08:00',
    measuredTenths: 165,
    belowStandard: true,
    percent: 50,
  },
  fixedAt: '2026-11-29T15:00:00+08:00',
  expected: { percent: 50, perDayFen: 929, text: '' },
  compensation: {
    fromDate: '2026-11-26',
    toDate: '2026-11-28',
    days: 3,
    percent: 50,
    amountFen: 2786,
    explanation: '',
    billId: 'H10000000042027',
    creditOn: '2027-10-01',
    credited: false,
    note: '将在 2027年10月1日出账的下一采暖季账单中扣减',
  },
  steps: [],
}

describe('供暖 read aloud', () => {
  test('when a heated household’s page is read, then the season, the fee still owed, why 报停 waits and the 室温 rule are heard in words', () => {
    expect(heatingSpeech(true, data)).toBe(
      '供暖。二零二六至二零二七年采暖季，十一月十五日到三月十五日，正在供暖期。正常供暖。' +
        '本季热费两千二百四十七元一角七分，已交零元，还需交两千二百四十七元一角七分。' +
        '报停：报停须在采暖季开始前申请：二零二七至二零二八年采暖季的报停申请期为二零二七年九月一日至十月三十一日，请到时再来办理。' +
        '室温不达标可以报告。低于十八摄氏度、不低于十六摄氏度：每天补偿日热费的百分之五十（九元两角九分）；' +
        '低于十六摄氏度：每天补偿日热费的百分之一百（十八元五角七分）。',
    )
  })

  test('when 报停 can be applied for, then its fee effect is read with amounts as 元角分', () => {
    const open = offer({
      canApply: true,
      code: null,
      reason: null,
      effect: {
        feeBeforeFen: 224717,
        feeAfterFen: 67415,
        changeFen: -157302,
        paidFen: 0,
        toPayFen: 67415,
        toPrepaymentFen: 0,
        explanation: '报停后，2027-2028 采暖季热费由 2247.17 元降为 674.15 元，少缴 1573.02 元。',
      },
    })
    const text = heatingSpeech(true, { ...data, stops: { ...stops, stop: open } })
    expect(text).toContain(
      '现在可以申请报停。报停后，二零二七至二零二八年采暖季热费由两千二百四十七元一角七分降为' +
        '六百七十四元一角五分，少缴一千五百七十三元零两分。',
    )
  })

  test('when the newest complaint is settled, then its measurement and compensation are read', () => {
    const text = heatingSpeech(true, {
      ...data,
      complaints: { ...complaints, complaints: [resolved] },
    })
    expect(text).toContain(
      '最近一次室温投诉，报告室温十六点五摄氏度，已复测达标，补偿待入账，' +
        '上门测得十六点五摄氏度，不达标，补偿三天，共二十七元八角六分，' +
        '将在二零二七年十月一日出账的下一采暖季账单中扣减。',
    )
  })

  test('when nobody is logged in, then only the way in is read', () => {
    expect(heatingSpeech(false, undefined)).toBe(
      '供暖。登录并绑定户号后，可以查看采暖季、报停和室温投诉。',
    )
  })

  test('when symbols and temperatures are read, then none is left to the speech engine', () => {
    expect(speakTemperature(180)).toBe('十八摄氏度')
    expect(speakTemperature(159)).toBe('十五点九摄氏度')
    expect(spoken('建筑面积 98.56 m² × 22.80 元/m² ÷ 121 天 = 18.57 元')).toBe(
      '建筑面积九十八点五六平方米乘二十二元八角每平方米除以一百二十一天等于十八元五角七分',
    )
  })

  test('when a 热计量 home’s page is read, then the two-part rule and the heat so far are heard in 吉焦', () => {
    const metered = {
      ...overview,
      fee: {
        ...overview.fee,
        basis: 'metered' as const,
        metered: {
          basicPercent: 30,
          basicFeeFen: 61_150,
          priceFenPerGj: 4_800,
          seasonHeatMj: 7_650,
          meteredFeeSoFarFen: 36_720,
          readAt: '2026-12-15T00:00:00+08:00',
        },
      },
    }
    const text = heatingSpeech(true, { ...data, overview: metered })
    expect(text).toContain(
      '您家按热计量收费：基本热价六百一十一元五角，加上计量热价每吉焦四十八元乘以用热量。',
    )
    expect(text).toContain('本季到目前用热七点七吉焦，计量热费约三百六十七元两角。')
  })
})
