/**
 * Checks of the deployment files in deploy/, each with the library or tool the real deployment
 * uses, all installed from package registries (script/bootstrap.sh builds the Go tools into
 * .tools/bin): kubeconform for Kubernetes (schemas generated from the Kubernetes OpenAPI document
 * shipped in the k8s.io/kubernetes Go module: kubeconform's own download site is not reachable
 * here), compose-go for the compose file, Prometheus' rule parser and configuration loader,
 * systemd-analyze for the units, dockerfile-utils for the Dockerfile. Nothing here runs a
 * container: Docker is not available on CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate as lintDockerfile } from 'dockerfile-utils';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const TOOLS = path.join(ROOT, '.tools');
export const KUBERNETES_VERSION = '1.35.0';
const KUBECONFORM = path.join(TOOLS, 'bin', 'kubeconform');
const DEPLOY_VALIDATE = path.join(TOOLS, 'bin', 'deploy-validate');
const SCHEMAS = path.join(TOOLS, 'kubernetes-schemas', `v${KUBERNETES_VERSION}`);

export type CheckResult = { ok: boolean; output: string };

const run = (cmd: string, args: string[]): CheckResult => {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
};

export const toolsMissing = (): string[] =>
  [KUBECONFORM, DEPLOY_VALIDATE].filter((f) => !fs.existsSync(f)).map((f) => path.relative(ROOT, f));

/**
 * kubeconform's schema layout (kind-group-version.json, strict), generated once from the
 * Kubernetes OpenAPI v2 document: each kind's definition with every definition beside it, objects
 * closed to unknown fields, and int-or-string/quantity accepting both forms as the API server does.
 */
export function ensureKubernetesSchemas(): string {
  if (fs.existsSync(path.join(SCHEMAS, 'deployment-apps-v1.json'))) return SCHEMAS;
  const info = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@v${KUBERNETES_VERSION}`], { encoding: 'utf8', cwd: os.tmpdir() }),
  ) as { Dir: string };
  const swagger = JSON.parse(fs.readFileSync(path.join(info.Dir, 'api/openapi-spec/swagger.json'), 'utf8')) as {
    definitions: Record<string, Record<string, unknown>>;
  };
  const strict = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strict);
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if (o.format === 'int-or-string') return { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'x-kubernetes-group-version-kind' ? v : strict(v);
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  const definitions = strict(swagger.definitions) as Record<string, Record<string, unknown>>;
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { oneOf: [{ type: 'string' }, { type: 'number' }] };
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  const tmp = `${SCHEMAS}.tmp-${process.pid}`;
  fs.mkdirSync(tmp, { recursive: true });
  for (const def of Object.values(definitions)) {
    const gvks = def['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[] | undefined;
    for (const { group, version, kind } of gvks ?? []) {
      if (
        kind.endsWith('List') ||
        ['DeleteOptions', 'WatchEvent', 'Status', 'APIGroup', 'APIVersions', 'APIResourceList', 'APIGroupList'].includes(kind)
      )
        continue;
      const suffix = group ? `-${group.split('.')[0]}-${version}` : `-${version}`;
      const schema = { ...def, definitions: reachable(def, definitions), $schema: 'http://json-schema.org/draft-07/schema#' };
      // apiVersion and kind are checked by kubeconform itself; the schema only closes the object.
      fs.writeFileSync(path.join(tmp, `${kind.toLowerCase()}${suffix}.json`), JSON.stringify(schema));
    }
  }
  fs.rmSync(SCHEMAS, { recursive: true, force: true });
  fs.renameSync(tmp, SCHEMAS);
  return SCHEMAS;
}

/** The definitions a schema refers to, directly or not (each kind's file stays small). */
function reachable(root: unknown, all: Record<string, unknown>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const name = v.replace('#/definitions/', '');
        if (!(name in found)) {
          found[name] = all[name];
          walk(all[name]);
        }
      } else walk(v);
    }
  };
  walk(root);
  return found;
}

export function checkKubernetes(files: string[]): CheckResult {
  const schemas = ensureKubernetesSchemas();
  return run(KUBECONFORM, [
    '-strict',
    '-summary',
    '-kubernetes-version',
    KUBERNETES_VERSION,
    '-schema-location',
    `${schemas}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    ...files,
  ]);
}

export function checkCompose(file: string, envFile: string): CheckResult {
  return run(DEPLOY_VALIDATE, ['compose', file, envFile]);
}

/** The alert rules parsed as promtool does, and the metric names their expressions use. */
export function checkAlertRules(file: string): CheckResult & { metrics: string[] } {
  const r = run(DEPLOY_VALIDATE, ['rules', file]);
  const metrics = [...r.output.matchAll(/^metric\t(\S+)$/gm)].map((m) => m[1]);
  return { ...r, metrics };
}

/** The Prometheus configuration loaded as Prometheus does (its rule files are checked by checkAlertRules). */
export function checkPrometheusConfig(file: string): CheckResult {
  return run(DEPLOY_VALIDATE, ['prometheus', file]);
}

/** systemd-analyze verify on an instance of each template unit; unknown keys count as errors. */
export function checkSystemdUnits(dir: string): CheckResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vicinato-units-'));
  try {
    const units: string[] = [];
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.service'))) {
      const instance = f.replace('@.service', '@web.service');
      fs.copyFileSync(path.join(dir, f), path.join(tmp, instance));
      units.push(path.join(tmp, instance));
      // Drop-ins beside a template are checked on their instance.
      for (const d of fs.readdirSync(dir).filter((n) => n.endsWith('.service.d'))) {
        fs.cpSync(path.join(dir, d), path.join(tmp, d), { recursive: true });
        const target = path.join(tmp, d.replace(/\.d$/, ''));
        fs.copyFileSync(path.join(dir, f), target);
        units.push(target);
      }
    }
    const r = run('systemd-analyze', ['verify', ...units]);
    const ok = r.ok && !/Unknown key|Unknown section|ignoring|not valid|Failed/i.test(r.output);
    return { ok, output: r.output };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function checkDockerfile(file: string): CheckResult {
  const problems = lintDockerfile(fs.readFileSync(file, 'utf8'));
  return { ok: problems.length === 0, output: problems.map((p) => `${file}:${p.range.start.line + 1}: ${p.message}`).join('\n') };
}

/** Every metric name exported by src/observability/metrics.ts (prom-client's default ones included). */
export function exportedMetricNames(): Set<string> {
  const src = fs.readFileSync(path.join(ROOT, 'src/observability/metrics.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of src.matchAll(/new (Counter|Gauge|Histogram)\(\{\s*name: '([a-z_]+)'/g)) {
    const [, type, name] = m;
    names.add(name);
    if (type === 'Histogram') for (const s of ['_bucket', '_count', '_sum']) names.add(name + s);
  }
  // collectDefaultMetrics with the vicinato_ prefix: the ones the rules and dashboard use.
  for (const n of [
    'process_cpu_seconds_total',
    'process_resident_memory_bytes',
    'nodejs_eventloop_lag_p99_seconds',
    'nodejs_heap_size_used_bytes',
  ])
    names.add(`vicinato_${n}`);
  names.add('up'); // Prometheus' own, per target
  return names;
}

/** Metric names used by the Grafana dashboard's queries. */
export function dashboardMetrics(file: string): string[] {
  const dashboard = JSON.parse(fs.readFileSync(file, 'utf8')) as { panels: { targets: { expr: string }[] }[] };
  const names = new Set<string>();
  for (const p of dashboard.panels)
    for (const t of p.targets) for (const m of t.expr.matchAll(/\b(vicinato_[a-z_]+|up)\b/g)) names.add(m[1]);
  return [...names];
}
