import type { z } from 'zod';
import { AppError } from '../../errors/index.js';

/**
 * Parses a request part with its zod schema; failures become one 400 problem listing every
 * failing field, with the messages in Vietnamese where we wrote them.
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  location: 'body' | 'query' | 'params' | 'form',
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError({
    status: 400,
    code: 'validation-failed',
    detail: 'Dữ liệu gửi lên không hợp lệ: ' + result.error.issues.map((issue) => describeIssue(issue, location)).join('; '),
    errors: result.error.issues.map((issue) => ({
      field: [location, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  });
}

function describeIssue(issue: z.core.$ZodIssue, location: string): string {
  const field = [location, ...issue.path.map(String)].join('.');
  return `${field}: ${issue.message}`;
}
