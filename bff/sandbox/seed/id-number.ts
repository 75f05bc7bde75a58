/** Resident identity card numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check. */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const checkChars = '10X98765432'

export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0)
  return checkChars[sum % 11] ?? '0'
}

/**
 * @param areaCode 6-digit division code of the place of household registration
 * @param birth `YYYYMMDD`
 * @param sequence 0..999; odd for men, even for women
 */
export function idNumber(areaCode: string, birth: string, sequence: number): string {
  const first17 = areaCode + birth + String(sequence).padStart(3, '0')
  return first17 + idCheckChar(first17)
}

export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false
  return idCheckChar(value.slice(0, 17)) === value[17]
}
