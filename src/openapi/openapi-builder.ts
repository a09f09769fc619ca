/**
 * Turns the zod schemas the routes validate with into OpenAPI 3.1 pieces, with zod's own
 * `z.toJSONSchema` (OpenAPI 3.1 schemas are JSON Schema 2020-12). Requests are described as the
 * client sends them (`io: 'input'`: before defaults and transforms).
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
export type Parameter = { name: string; in: 'query' | 'path' | 'header'; required: boolean; description?: string; schema: JsonSchema };
export type Responses = Record<string, { description: string; content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, unknown> }>;
export type Operation = {
  summary: string;
  description?: string;
  tags: string[];
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Responses;
};
export type Method = 'get' | 'post' | 'put' | 'delete';
export type Paths = Record<string, Partial<Record<Method, Operation>>>;

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** One parameter per property of an object schema (query strings, path segments). */
export function parametersOf(schema: z.ZodType, where: 'query' | 'path'): Parameter[] {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string } & JsonSchema;
    return {
      name,
      in: where,
      required: where === 'path' || Boolean(json.required?.includes(name)),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** Path parameters whose values are checked in the handler (or not at all): plain strings, with a pattern when known. */
export function pathParameters(params: Record<string, z.ZodType>): Parameter[] {
  return parametersOf(z.object(params), 'path');
}

export const jsonBody = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: jsonSchemaOf(schema) } } });

export const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema: jsonSchemaOf(schema) } });

/** The panel's error answer: a message in the operator's language. */
export const panelError = z.object({ error: z.string(), errorId: z.string().optional() });

/** `/reports/:id` -> `/reports/{id}`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
