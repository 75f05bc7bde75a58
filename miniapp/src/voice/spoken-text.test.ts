import {
  speakAccountNo,
  speakAddress,
  speakPhone,
  speakPhoneTail,
  speakShownText,
} from './spoken-text'

describe('text from the screen, ready to be read aloud', () => {
  test('when a sentence holds a masked phone and a count, then the phone is its last four digits and the count is in words', () => {
    expect(speakShownText('验证码已发送到 138****5678，5分钟内有效')).toBe(
      '验证码已发送到手机尾号五六七八，五分钟内有效',
    )
  })

  test('when a sentence holds an amount, a date and a 2 before a measure word, then each is read as a person says it', () => {
    expect(speakShownText('欠费 ¥1,234.50，2026-11-26 起，还可以再试2次')).toBe(
      '欠费一千二百三十四元五角，二零二六年十一月二十六日起，还可以再试两次',
    )
  })

  test('when a masked name or address is read, then the hidden parts are 某 and the room stays a room', () => {
    expect(speakShownText('户主 王**')).toBe('户主王某')
    expect(speakAddress('示范市东城区和平路18号幸福里小区**栋**单元***')).toBe(
      '示范市东城区和平路十八号幸福里小区某栋某单元某室',
    )
  })

  test('when account numbers are read, then a full one is read digit by digit and a masked one by its ends', () => {
    expect(speakAccountNo('1000000001')).toBe('户号一零零零零零零零零一')
    expect(speakAccountNo('100****001')).toBe('一零零开头、零零一结尾的户号')
    expect(speakPhoneTail('138****5678')).toBe('手机尾号五六七八')
  })

  test('when a service phone is read, then its digits are read in groups and a phone with no digits is not read', () => {
    expect(speakPhone('0531-96777')).toBe('零五三一，九六七七七')
    expect(speakPhone('--')).toBe('')
  })
})
