import { z } from 'zod'

/**
 * A tiny OpenAPI 3.1 generator for the upstream port contracts. Each port describes its HTTP
 * contract once as zod schemas plus a list of operations; this turns that into the document a
 * utility's integration gateway implements. Schemas listed in `schemas` become named components
 * and are referenced wherever they appear.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface ContractResponse {
  readonly description: string
  /** Omitted for responses without a body. */
  readonly schema?: z.ZodType
}

export interface ContractOperation {
  readonly operationId: string
  readonly method: HttpMethod
  /** Koa-style path below the contract's base path, e.g. `/accounts/:accountNo`. */
  readonly path: string
  readonly summary: string
  readonly description?: string
  readonly params?: z.ZodObject
  readonly query?: z.ZodObject
  readonly body?: z.ZodType
  readonly responses: Readonly<Record<number, ContractResponse>>
}

export interface Contract {
  /** File name stem and first path segment, e.g. `customers`. */
  readonly port: string
  readonly title: string
  readonly version: string
  readonly description: string
  /** e.g. `/customers/v1` */
  readonly basePath: string
  readonly schemas: Readonly<Record<string, z.ZodType>>
  readonly operations: readonly ContractOperation[]
}

type JsonObject = { [key: string]: unknown }

const SANDBOX_SERVER = { url: 'http://127.0.0.1:4100', description: 'core sandbox (default)' }

export function toOpenApi(contract: Contract): JsonObject {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(contract.schemas)) registry.add(schema, { id })
  const uri = (id: string): string => `#/components/schemas/${id}`
  // Input mode: the document describes what a conforming client accepts and sends, so objects
  // stay open to fields added later instead of `additionalProperties: false`.
  const components = z.toJSONSchema(registry, { io: 'input', uri }).schemas

  const ref = (schema: z.ZodType): JsonObject => {
    const id = registry.get(schema)?.id
    if (id) return { $ref: uri(id) }
    return clean(z.toJSONSchema(schema, { io: 'input' }) as JsonObject)
  }

  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const op of contract.operations) {
    const path = contract.basePath + op.path.replace(/:(\w+)/g, '{$1}')
    const parameters = [
      ...parametersOf(op.params, 'path', ref),
      ...parametersOf(op.query, 'query', ref),
    ]
    const responses: Record<string, JsonObject> = {}
    for (const [status, response] of Object.entries(op.responses)) {
      responses[status] = response.schema
        ? {
            description: response.description,
            content: { 'application/json': { schema: ref(response.schema) } },
          }
        : { description: response.description }
    }
    const operation: JsonObject = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [contract.port],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(op.body) } },
            },
          }
        : {}),
      responses,
    }
    paths[path] = { ...paths[path], [op.method]: operation }
  }

  const schemas: Record<string, JsonObject> = {}
  for (const [id, schema] of Object.entries(components)) schemas[id] = clean(schema as JsonObject)

  return {
    openapi: '3.1.0',
    info: { title: contract.title, version: contract.version, description: contract.description },
    servers: [SANDBOX_SERVER],
    tags: [{ name: contract.port }],
    paths,
    components: { schemas },
  }
}

function parametersOf(
  shape: z.ZodObject | undefined,
  location: 'path' | 'query',
  ref: (schema: z.ZodType) => JsonObject,
): JsonObject[] {
  if (!shape) return []
  return Object.entries(shape.shape).map(([name, schema]) => {
    const field = schema as z.ZodType
    return {
      name,
      in: location,
      required: location === 'path' || !field.safeParse(undefined).success,
      ...(field.description ? { description: field.description } : {}),
      schema: ref(field),
    }
  })
}

/** Drops the per-schema `$schema`/`$id` that zod adds; the document's dialect covers them. */
function clean(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema
  return rest
}
