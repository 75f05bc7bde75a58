import { z } from 'zod'
import { ErrorEnvelope, type FileDownload, type FileUpload, type RouteSpec } from '@gh/shared'
import { API_PREFIX } from './routes'

type JsonSchema = Record<string, unknown>

function toJson(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema
  return rest
}

function parametersOf(schema: z.ZodType, where: 'path' | 'query'): JsonSchema[] {
  const json = toJson(schema, 'input')
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((json.required as string[] | undefined) ?? [])
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }))
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
})

/** A file route's body: one binary part, its accepted types named on the part. */
function multipartBody(spec: RouteSpec, upload: FileUpload): JsonSchema {
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: toJson(spec.body, 'input'),
        encoding: { [upload.field]: { contentType: upload.mediaTypes.join(', ') } },
      },
    },
  }
}

function fileResponses(download: FileDownload): Record<string, JsonSchema> {
  const binary = { schema: { type: 'string', format: 'binary' } }
  return {
    '200': {
      description: 'The file',
      content: Object.fromEntries(download.mediaTypes.map((type) => [type, binary])),
    },
    '302': {
      description: 'A short-lived signed address of the file',
      headers: { Location: { schema: { type: 'string', format: 'uri' } } },
    },
  }
}

/** Builds the BFF's OpenAPI 3.1 document from the same specs the router mounts. */
export function buildOpenApi(
  specs: readonly RouteSpec[],
  extra: Record<string, Record<string, JsonSchema>> = {},
) {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const spec of specs) {
    const path = (API_PREFIX + spec.path).replace(/:([A-Za-z]+)/g, '{$1}')
    const parameters = [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')]
    if (spec.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
      })
    }
    const hasBody = spec.method !== 'get' && spec.method !== 'delete'
    paths[path] ??= {}
    paths[path][spec.method] = {
      operationId: spec.id,
      summary: spec.summary,
      tags: [spec.tag],
      'x-auth': spec.auth,
      'x-account-scoped': spec.accountScoped,
      'x-idempotency-key': spec.idempotent,
      ...(spec.idempotent ? { 'x-idempotency-replay': spec.replay ?? 'response' } : {}),
      security: spec.auth === 'public' ? [] : [{ bearerAuth: [] }],
      parameters,
      ...(hasBody
        ? {
            requestBody: spec.upload
              ? multipartBody(spec, spec.upload)
              : {
                  required: true,
                  content: { 'application/json': { schema: toJson(spec.body, 'input') } },
                },
          }
        : {}),
      responses: {
        ...(spec.download
          ? fileResponses(spec.download)
          : {
              [spec.method === 'post' ? '201' : '200']: {
                description: 'OK',
                content: { 'application/json': { schema: toJson(spec.response, 'output') } },
              },
            }),
        '400': errorResponse('Invalid input'),
        ...(spec.upload
          ? { '413': errorResponse(`The file is larger than ${spec.upload.maxBytes} bytes`) }
          : {}),
        ...(spec.auth === 'public'
          ? {}
          : { '401': errorResponse('Not logged in or session expired') }),
        ...(spec.accountScoped ? { '403': errorResponse('Account not bound to the caller') } : {}),
        '503': errorResponse('An upstream system is unavailable'),
      },
    }
  }
  for (const [path, ops] of Object.entries(extra)) paths[path] = { ...(paths[path] ?? {}), ...ops }
  return {
    openapi: '3.1.0',
    info: {
      title: '燃气·供热 掌上营业厅 BFF',
      version: '1.0.0',
      description:
        'Backend-for-frontend of the gas and heating self-service mini-program. Money is integer fen; times are ISO-8601 with offset.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { ErrorEnvelope: toJson(ErrorEnvelope, 'output') },
    },
  }
}
