import type { z } from 'zod'
import { SandboxError } from '../../middleware/errors'

/** A WeChat Pay error: `{ code, message, detail? }` with WeChat's status and code. */
export const payError = (status: number, code: string, message: string, detail?: unknown) =>
  new SandboxError(status, code, message, detail)

export const orderNotExist = () => payError(404, 'ORDER_NOT_EXIST', '订单不存在')

/**
 * Parses input with a contract schema; failures read like WeChat's PARAM_ERROR, which names the
 * input source and field (`输入源“/body/amount/total”…`).
 */
export function parseOrParamError<T>(
  schema: z.ZodType<T>,
  input: unknown,
  location: 'body' | 'query' | 'path',
): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue ? issue.path.join('/') : ''
  throw payError(
    400,
    'PARAM_ERROR',
    `输入源“/${location}/${field}”映射到值字段“${field}”校验失败：${issue?.message ?? '参数错误'}`,
    { location, field },
  )
}
