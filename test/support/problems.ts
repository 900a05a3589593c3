import { TestResponse } from './test-app';

export const PROBLEM_BASE = 'https://saydo.dev/problems/';

/** True when the answer is an RFC 9457 problem: its media type and the members every problem carries. */
export function isProblem(response: TestResponse): boolean {
  if (!/^application\/problem\+json\b/.test(response.headers['content-type'] ?? '')) return false;
  try {
    const body = response.json();
    return typeof body.type === 'string' && body.type.startsWith(PROBLEM_BASE) && typeof body.title === 'string' && body.status === response.statusCode;
  } catch {
    return false;
  }
}

/** Asserts a problem answer with this status and slug (and, when given, an error naming this field). */
export function expectProblem(response: TestResponse, status: number, slug: string, field?: string): void {
  const summary = `${response.statusCode} ${response.headers['content-type']} ${response.body.slice(0, 500)}`;
  expect({ status: response.statusCode, problem: isProblem(response), summary }).toEqual({ status, problem: true, summary });
  expect(response.json().type).toBe(PROBLEM_BASE + slug);
  if (field !== undefined) expect(response.json().errors?.map((error: { field: string }) => error.field)).toContain(field);
}
