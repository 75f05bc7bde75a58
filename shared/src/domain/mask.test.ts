import fc from 'fast-check'
import { maskAccountNo, maskAddress, maskIdNumber, maskName, maskPhone } from './mask'
import { containsUnmaskedPersonalData } from './personal-data'

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['李四', '李*'],
    ['王', '*'],
    ['', ''],
    [' 张三 ', '张*'],
    ['欧阳修', '欧阳*'],
    ['欧阳娜娜', '欧阳**'],
    ['司马相如', '司马**'],
    ['诸葛亮', '诸葛*'],
    ['上官婉儿', '上官**'],
    ['慕容复', '慕容*'],
    ['令狐冲', '令狐*'],
    ['西门吹雪', '西门**'],
    ['欧阳', '欧*'],
    ['王欧阳', '王**'],
    ['买买提·艾力', '买*****'],
    ['𠮷野家', '𠮷**'],
  ])('when the name is %p, then it shows %p', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })

  it('when any Chinese name is masked, then one or two leading characters stay and the rest are stars', () => {
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c))
    const surname = fc.oneof(hanzi, fc.constantFrom('欧阳', '司马', '诸葛'))
    const given = fc.string({ unit: hanzi, minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(surname, given, (family, personal) => {
        const name = family + personal
        const masked = maskName(name)
        const kept = masked.replace(/\*+$/, '')
        return (
          masked.length === name.length &&
          name.startsWith(kept) &&
          (kept.length === 1 || (kept.length === 2 && kept === family))
        )
      }),
    )
  })
})

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['0571-88889999', '****-****9999'],
    ['95598', '*5598'],
  ])('when the phone is %p, then it shows %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })

  it('when any mobile is masked, then the detector no longer finds it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        return (
          containsUnmaskedPersonalData(mobile) && !containsUnmaskedPersonalData(maskPhone(mobile))
        )
      }),
    )
  })
})

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '1****************X'],
    ['110101199003074514', '1****************4'],
    ['110105491231002', '1*************2'],
    ['E12345678', 'E*******8'],
    ['12', '**'],
  ])('when the ID is %p, then it shows %p', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked)
  })
})

describe('maskAccountNo', () => {
  it.each([
    ['1000000001', '100****001'],
    ['123456789012', '123****012'],
    ['12345', '****45'],
  ])('when the account number is %p, then it shows %p', (accountNo, masked) => {
    expect(maskAccountNo(accountNo)).toBe(masked)
  })
})

describe('maskAddress', () => {
  it.each([
    ['XX市XX区XX路XX号XX小区3栋2单元501', 'XX市XX区XX路XX号XX小区**栋**单元***'],
    [
      '杭州市西湖区文三路88号华星小区12幢3单元1102室',
      '杭州市西湖区文三路88号华星小区**幢**单元***室',
    ],
    ['北京市朝阳区望京西园二区5号楼1203', '北京市朝阳区望京西园二区**号楼***'],
    ['沈阳市和平区南京南街18号B座2-1-3', '沈阳市和平区南京南街**号**座***'],
    ['长春市南关区幸福路12号', '长春市南关区幸福路**号'],
    ['幸福小区1栋1单元501A', '幸福小区**栋**单元***'],
    ['某县某镇张家村3组15号', '某县某镇张家村**组**号'],
    ['天津市河西区友谊路小区', '天津市河西区友谊路小区'],
  ])('when the address is %p, then it shows %p', (address, masked) => {
    expect(maskAddress(address)).toBe(masked)
  })

  it('when room numbers differ in length, then the masks are the same', () => {
    expect(maskAddress('幸福小区1栋1单元101')).toBe(maskAddress('幸福小区18栋12单元2101'))
  })
})
