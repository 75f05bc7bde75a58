import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { contractFileName, contracts } from '../index'
import { toOpenApi, type Contract } from '../openapi'

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value)
      else refsIn(value, out)
    }
  }
  return out
}

describe.each(contracts.map((c) => [c.port, c] as const))('%s contract', (_, contract) => {
  const doc = toOpenApi(contract)

  it('when the schemas change, then the committed OpenAPI file must be regenerated', () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '..', contractFileName(contract)), 'utf8'),
    ) as unknown
    // On failure run: node --import tsx bff/contracts/generate.ts
    expect(committed).toEqual(doc)
  })

  it('when the document is read, then every $ref points at a component that exists', () => {
    const components = (doc.components as { schemas: Record<string, unknown> }).schemas
    const refs = refsIn(doc)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      expect(Object.keys(components)).toContain(ref.replace('#/components/schemas/', ''))
    }
  })

  it('when an operation has path parameters, then each is declared as a required parameter', () => {
    const paths = doc.paths as Record<
      string,
      Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>
    >
    for (const [path, operations] of Object.entries(paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const operation of Object.values(operations)) {
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.required)
        expect(declared.map((p) => p.name).sort()).toEqual(names.sort())
      }
    }
  })
})

describe('the OpenAPI generator', () => {
  const Item = z.object({ id: z.string(), note: z.string().optional() })
  const contract: Contract = {
    port: 'demo',
    title: 'Demo',
    version: '0.0.1',
    description: 'test',
    basePath: '/demo/v1',
    schemas: { Item },
    operations: [
      {
        operationId: 'getItem',
        method: 'get',
        path: '/items/:id',
        summary: 'one item',
        params: z.object({ id: z.string() }),
        query: z.object({ verbose: z.string().optional(), lang: z.string() }),
        responses: { 200: { description: 'ok', schema: Item }, 204: { description: 'none' } },
      },
    ],
  }

  it('when a contract is converted, then paths use {param}, named schemas become $refs and optional query is not required', () => {
    const doc = toOpenApi(contract) as {
      paths: Record<
        string,
        {
          get: {
            parameters: { name: string; required: boolean }[]
            responses: Record<string, { content?: unknown }>
          }
        }
      >
      components: { schemas: Record<string, { required?: string[] }> }
    }
    const op = doc.paths['/demo/v1/items/{id}']?.get
    expect(op?.parameters.map((p) => [p.name, p.required])).toEqual([
      ['id', true],
      ['verbose', false],
      ['lang', true],
    ])
    expect(op?.responses['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Item' } },
    })
    expect(op?.responses['204']?.content).toBeUndefined()
    expect(doc.components.schemas.Item?.required).toEqual(['id'])
  })
})
