/**
 * Admins' API reference: the service's OpenAPI description (src/openapi, generated from the routes'
 * zod schemas) read from /api/docs/openapi.json and shown by area, operation by operation.
 */
import { useEffect, useState } from 'react';
import { apiRequest } from '../api/client';
import { ErrorNotice } from '../components/error-notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string }>;
};
type Document = {
  info: { title: string; version: string; description: string };
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, Operation>>;
};

/** A parameter's schema in a few words: type, allowed values, pattern, default. */
function schemaWords(s: Schema): string {
  const parts = [String(s.type ?? (s.anyOf ? 'any of' : ''))];
  if (Array.isArray(s.enum)) parts.push(s.enum.join(' | '));
  if (s.const !== undefined) parts.push(String(s.const));
  if (typeof s.pattern === 'string') parts.push(s.pattern);
  if (s.default !== undefined) parts.push(`= ${JSON.stringify(s.default)}`);
  return parts.filter(Boolean).join(' · ');
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const { t } = useI18n();
  const body = op.requestBody?.content['application/json']?.schema;
  const security = (op.security ?? []).flatMap((s) => Object.keys(s));
  return (
    <details className="api-operation" data-testid={`api-op-${op.operationId}`}>
      <summary>
        <code className="api-method">{method.toUpperCase()}</code> <code>{path}</code> — {op.summary}
      </summary>
      {op.description ? <p>{op.description}</p> : null}
      <p>
        {t('apiDocsAuth')}: {security.length ? security.join(', ') : t('apiDocsNone')}
      </p>
      {op.parameters?.length ? (
        <table className="data-table">
          <caption>{t('apiDocsParameters')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apiDocsName')}</th>
              <th scope="col">{t('apiDocsWhere')}</th>
              <th scope="col">{t('apiDocsRequired')}</th>
              <th scope="col">{t('apiDocsValue')}</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>{p.required ? t('apiDocsYes') : t('apiDocsNo')}</td>
                <td>
                  {schemaWords(p.schema)}
                  {p.description ? ` — ${p.description}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? (
        <>
          <h4>{t('apiDocsBody')}</h4>
          <pre className="api-schema">{JSON.stringify(body, null, 2)}</pre>
        </>
      ) : null}
      <h4>{t('apiDocsResponses')}</h4>
      <ul>
        {Object.entries(op.responses).map(([code, r]) => (
          <li key={code}>
            <code>{code}</code> {r.description}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ApiDocsPage() {
  const { t } = useI18n();
  const [doc, setDoc] = useState<Document | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    apiRequest<Document>('/api/docs/openapi.json').then(setDoc, setError);
  }, []);
  const operations = doc
    ? Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    : [];
  return (
    <div className="api-docs">
      <PageHeading>{t('apiDocsTitle')}</PageHeading>
      <p>{t('apiDocsIntro')}</p>
      <p>
        <a href="/api/docs/openapi.json" download="openapi.json">
          {t('apiDocsDownload')}
        </a>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {doc
        ? doc.tags.map((tag) => (
            <section key={tag.name} aria-labelledby={`api-tag-${tag.name}`}>
              <h2 id={`api-tag-${tag.name}`}>{tag.name}</h2>
              <p>{tag.description}</p>
              {operations
                .filter((o) => o.op.tags.includes(tag.name))
                .map((o) => (
                  <OperationView key={`${o.method} ${o.path}`} {...o} />
                ))}
            </section>
          ))
        : null}
    </div>
  );
}
