import { reportSpeech, type ReportFacts } from './speech'

const heating: ReportFacts = {
  kind: 'no_heat',
  description: '暖气片不热',
  photos: { stored: 2, uploading: false, failed: 0 },
  slotLabel: '11月27日 周五 上午 9:00–12:00',
  slotDate: { date: '2026-11-27', window: 'am' },
  phone: 'own',
  error: null,
}

describe('填写报修 read aloud', () => {
  test('when a heating fault is filled in, then kind, text, photos, time and phone are read', () => {
    const text = reportSpeech(heating, '96777')
    expect(text).toBe(
      '填写报修。故障类型：暖气不热。您写的情况是：暖气片不热。已上传两张照片。' +
        '希望上门时间：十一月二十七日上午。联系电话是您的手机号。填好后请点提交报修。',
    )
  })

  test('when a leak is reported, then the safety steps are read before the form', () => {
    const text = reportSpeech(
      {
        ...heating,
        kind: 'gas_leak',
        description: '',
        photos: { stored: 0, uploading: false, failed: 0 },
      },
      '96777',
    )
    expect(text.indexOf('闻到燃气味，请先这样做')).toBe(0)
    expect(text.indexOf('二十四小时抢修电话：九六七七七')).toBeLessThan(text.indexOf('填写报修'))
    expect(text).toContain('情况说明可以不填。')
    expect(text).not.toContain('照片')
    expect(text).not.toContain('上门时间：')
    expect(text.endsWith('确认后请点提交紧急报修。')).toBe(true)
  })

  test('when a photo failed and the send was refused, then both are said with what to do', () => {
    const text = reportSpeech({
      ...heating,
      description: '',
      photos: { stored: 1, uploading: false, failed: 1 },
      slotDate: null,
      phone: 'other',
      error: '这个时间段已约满，请换一个上门时间',
    })
    expect(text).toContain('故障描述还没有填写，可以点说话，用语音说出来。')
    expect(text).toContain('有一张照片没有上传成功，可以点重试。')
    expect(text).toContain('客服会打电话和您约时间')
    expect(text).toContain('联系电话是您填写的号码。')
    expect(text.endsWith('没有提交成功：这个时间段已约满，请换一个上门时间')).toBe(true)
  })
})
