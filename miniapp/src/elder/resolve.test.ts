import { isLargeFontSetting, parseElderFlag, resolveElderMode } from './resolve'

describe('resolveElderMode', () => {
  test('when nothing is known, then the standard mode is used', () => {
    expect(resolveElderMode({})).toBe(false)
  })

  test('when only the platform font is large, then elderly mode is on', () => {
    expect(resolveElderMode({ platformLargeFont: true })).toBe(true)
  })

  test('when the resident chose standard before, then that beats a large platform font', () => {
    expect(resolveElderMode({ stored: false, platformLargeFont: true })).toBe(false)
  })

  test('when a link says elder=1, then that beats the stored choice', () => {
    expect(resolveElderMode({ linkFlag: true, stored: false, platformLargeFont: false })).toBe(true)
  })

  test('when a link says elder=0, then that beats the stored choice too', () => {
    expect(resolveElderMode({ linkFlag: false, stored: true })).toBe(false)
  })
})

describe('parseElderFlag', () => {
  test('when the flag is in the hash route query, then it is read', () => {
    expect(parseElderFlag('http://127.0.0.1:3000/#/pages/index/index?elder=1')).toBe(true)
    expect(parseElderFlag('http://127.0.0.1:3000/#/pages/me/index?a=b&elder=0')).toBe(false)
  })

  test('when the flag is in the page query, then it is read', () => {
    expect(parseElderFlag('http://127.0.0.1:3000/?elder=true#/pages/index/index')).toBe(true)
  })

  test('when there is no flag or it is not 0/1, then there is no answer', () => {
    expect(parseElderFlag('http://127.0.0.1:3000/#/pages/index/index')).toBeUndefined()
    expect(parseElderFlag('http://127.0.0.1:3000/#/pages/index/index?elder=maybe')).toBeUndefined()
    expect(parseElderFlag('http://127.0.0.1:3000/#/x?notelder=1')).toBeUndefined()
  })
})

describe('isLargeFontSetting', () => {
  test('when WeChat reports a scale factor, then 1.15 and above count as large', () => {
    expect(isLargeFontSetting({ fontSizeScaleFactor: 1.3, fontSizeSetting: 17 })).toBe(true)
    expect(isLargeFontSetting({ fontSizeScaleFactor: 1, fontSizeSetting: 22 })).toBe(false)
  })

  test('when only a font size is reported, then 20 px and above count as large', () => {
    expect(isLargeFontSetting({ fontSizeSetting: 17 })).toBe(false)
    expect(isLargeFontSetting({ fontSizeSetting: '24' })).toBe(true)
  })

  test('when the platform reports nothing, then there is no hint', () => {
    expect(isLargeFontSetting({})).toBeUndefined()
  })
})
