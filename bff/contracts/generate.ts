/**
 * Writes one OpenAPI document per upstream contract next to this file.
 * Run: node --import tsx bff/contracts/generate.ts
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { contractFileName, contracts } from './index'
import { toOpenApi } from './openapi'

async function main(): Promise<void> {
  for (const contract of contracts) {
    const file = join(__dirname, contractFileName(contract))
    const options = await resolveConfig(file)
    const text = await format(JSON.stringify(toOpenApi(contract)), { ...options, parser: 'json' })
    writeFileSync(file, text)
    console.warn(`wrote ${file}`)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
