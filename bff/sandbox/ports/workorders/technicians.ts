import { Random, hashSeed, hashString } from '../../random'
import { chineseName, mobileNumber } from '../../seed/names'
import { districts } from '../../seed/places'

/** Field technicians: three per district, one team each, built from the seed. */
export interface TechnicianRecord {
  readonly technicianId: string
  readonly name: string
  /** Full number; masked in every answer. */
  readonly phone: string
  readonly team: string
  readonly district: string
}

export function seedTechnicians(seed: number): TechnicianRecord[] {
  return districts.flatMap((district, d) =>
    Array.from({ length: 3 }, (_, i) => {
      const random = new Random(hashSeed(seed, hashString('technician'), d, i))
      const sex = random.chance(0.85) ? 'male' : 'female'
      return {
        technicianId: `T${district.code.slice(4)}${String(i + 1).padStart(2, '0')}`,
        name: chineseName(random, sex, random.int(1968, 1998)),
        phone: mobileNumber(random),
        team: `${district.name}${i === 0 ? '应急抢修班' : '户内维修班'}`,
        district: district.name,
      }
    }),
  )
}
