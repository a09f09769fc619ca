/**
 * The deployment files in deploy/ pass the validators of the tools that would run them (nothing is
 * started: no Docker engine, cluster or VM here). Each check is also shown to fail on a broken copy,
 * so a validator that accepts anything cannot pass. Tools: script/bootstrap.sh (Go module proxy).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  ROOT,
  checkAlertRules,
  checkCompose,
  checkDockerfile,
  checkKubernetes,
  checkPrometheusConfig,
  checkSystemdUnits,
  dashboardMetrics,
  exportedMetricNames,
  toolsMissing,
} from '../../script/deploy-checks';

const d = (...p: string[]) => path.join(ROOT, 'deploy', ...p);
const missing = toolsMissing();
if (missing.length) console.warn(`deploy validators not built (${missing.join(', ')}): run bash script/bootstrap.sh (needs Go)`);
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!hasSystemd) console.warn('systemd-analyze is not installed: the systemd unit check is skipped');

const withBrokenCopy = (file: string, edit: (text: string) => string, check: (copy: string) => { ok: boolean }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vicinato-deploy-'));
  try {
    const copy = path.join(dir, path.basename(file));
    fs.writeFileSync(copy, edit(fs.readFileSync(file, 'utf8')));
    return check(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

describe.skipIf(missing.length > 0)('deploy/ validated by the real tools', () => {
  it('Kubernetes manifests: kubeconform, strict (unknown fields refused), Kubernetes 1.35 schemas', () => {
    const files = fs.readdirSync(d('kubernetes')).map((f) => d('kubernetes', f));
    const r = checkKubernetes(files);
    expect(r.output).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
    expect(r.ok).toBe(true);
    const kinds = files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/^kind: (\w+)/gm)].map((m) => m[1]));
    expect(kinds.filter((k) => k === 'Deployment')).toHaveLength(4);
    expect(kinds).toEqual(expect.arrayContaining(['HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Secret', 'ConfigMap']));
    // A misspelt field is caught.
    expect(
      withBrokenCopy(
        d('kubernetes', 'deployment-web.yaml'),
        (t) => t.replace('livenessProbe:', 'livenesProbe:'),
        (c) => checkKubernetes([c]),
      ).ok,
    ).toBe(false);
  }, 120_000); // the first run makes the schemas from the Kubernetes module (fetched by the bootstrap)

  it('every role has a Deployment with SERVICES=<role> and /healthz, /readyz probes', () => {
    for (const role of ['web', 'worker', 'telegram', 'whatsapp']) {
      const text = fs.readFileSync(d('kubernetes', `deployment-${role}.yaml`), 'utf8');
      expect(text).toContain(`- name: SERVICES\n              value: ${role}`);
      expect(text).toMatch(/livenessProbe:\n\s+httpGet: \{ path: \/healthz/);
      expect(text).toMatch(/readinessProbe:\n\s+httpGet: \{ path: \/readyz/);
      expect(text).toContain('secretRef:');
    }
  });

  it('compose file: loaded and validated by compose-go with every profile', () => {
    const r = checkCompose(d('compose', 'compose.yaml'), d('compose', '.env.example'));
    expect(r.ok, r.output).toBe(true);
    const services = new Map(
      [...r.output.matchAll(/^service\t(\S+)\t(\d+)\t(\S*)\t\[(.*)\]$/gm)].map((m) => [
        m[1],
        { replicas: Number(m[2]), role: m[3], profiles: m[4] },
      ]),
    );
    expect(services.get('web')).toEqual({ replicas: 2, role: 'web', profiles: '' });
    expect(services.get('worker')).toEqual({ replicas: 2, role: 'worker', profiles: '' });
    expect(services.get('telegram')?.role).toBe('telegram');
    expect(services.get('whatsapp')).toEqual({ replicas: 1, role: 'whatsapp', profiles: 'whatsapp' });
    expect(services.get('prometheus')?.profiles).toBe('monitoring');
    expect(services.get('grafana')?.profiles).toBe('monitoring');
    expect([...services.keys()]).toEqual(expect.arrayContaining(['mongo1', 'mongo2', 'mongo3', 'redis', 'caddy']));
    const compose = fs.readFileSync(d('compose', 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/--appendfsync\n\s+- everysec/);
    expect(compose).toMatch(/--requirepass/);
    // A reference to a service that does not exist is refused.
    expect(
      withBrokenCopy(
        d('compose', 'compose.yaml'),
        (t) => t.replace('depends_on: [web]', 'depends_on: [webb]'),
        (c) => {
          fs.copyFileSync(d('compose', '.env.example'), path.join(path.dirname(c), '.env.example'));
          return checkCompose(c, path.join(path.dirname(c), '.env.example'));
        },
      ).ok,
    ).toBe(false);
  });

  it('alert rules: parsed as promtool does; every metric they use is exported by src/observability/metrics.ts', () => {
    const r = checkAlertRules(d('prometheus', 'alerts.yml'));
    expect(r.ok, r.output).toBe(true);
    const exported = exportedMetricNames();
    expect(r.metrics.filter((m) => !exported.has(m))).toEqual([]);
    const alerts = [...r.output.matchAll(/^rule\t(\S+)$/gm)].map((m) => m[1]);
    expect(alerts).toEqual(
      expect.arrayContaining([
        'VicinatoInboxBacklogOld',
        'VicinatoOutboundFailures',
        'VicinatoWhatsappLoggedOut',
        'VicinatoTelegramWebhookErrors',
        'VicinatoMongoDown',
        'VicinatoRedisDown',
      ]),
    );
    expect(withBrokenCopy(d('prometheus', 'alerts.yml'), (t) => t.replace('> 120', '> > 120'), checkAlertRules).ok).toBe(false);
  });

  it('Prometheus configuration of the compose file: loaded as Prometheus does, scraping with the token', () => {
    const r = checkPrometheusConfig(d('compose', 'prometheus.yml'));
    expect(r.ok, r.output).toBe(true);
    expect(r.output).toMatch(/^job\tvicinato\tBearer$/m);
    expect(withBrokenCopy(d('compose', 'prometheus.yml'), (t) => t.replace('type: A', 'type: AAAAA'), checkPrometheusConfig).ok).toBe(
      false,
    );
  });
});

describe('deploy/ checked without Go tools', () => {
  it.skipIf(!hasSystemd)('systemd template unit: systemd-analyze verify, no unknown keys', () => {
    const r = checkSystemdUnits(d('systemd'));
    expect(r.ok, r.output).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vicinato-units-bad-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'vicinato@.service'),
        fs.readFileSync(d('systemd', 'vicinato@.service'), 'utf8').replace('Restart=on-failure', 'Restart=on-failure\nRestartt=always'),
      );
      expect(checkSystemdUnits(dir).ok).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Dockerfile: lint clean, non-root, healthcheck, Chromium only in the whatsapp target', () => {
    const r = checkDockerfile(d('Dockerfile'));
    expect(r.ok, r.output).toBe(true);
    const text = fs.readFileSync(d('Dockerfile'), 'utf8');
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK /m);
    const stages = text.split(/^FROM /m).slice(1);
    const withChromium = stages.filter((s) => /apt-get install[^\n]*chromium/.test(s)).map((s) => /AS (\S+)/.exec(s)?.[1]);
    expect(withChromium).toEqual(['whatsapp']);
    expect(withBrokenCopy(d('Dockerfile'), (t) => t.replace('EXPOSE 3000', 'EXPOSE port3000'), checkDockerfile).ok).toBe(false);
  });

  it('Dockerfile and systemd unit start the same entry point, and what they copy exists', () => {
    const docker = fs.readFileSync(d('Dockerfile'), 'utf8');
    const unit = fs.readFileSync(d('systemd', 'vicinato@.service'), 'utf8');
    const dockerEntry = /^CMD \[.*"(dist\/[^"]+\.js)"\]$/m.exec(docker)?.[1];
    const unitEntry = /^ExecStart=.* (dist\/\S+\.js)$/m.exec(unit)?.[1];
    expect(dockerEntry).toBeDefined();
    expect(unitEntry).toBe(dockerEntry);
    // Once `npm start` runs the compiled build, it must be the same file.
    const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
      .start!;
    if (start.includes('dist/')) expect(start).toContain(dockerEntry);
    const sources = [...docker.matchAll(/^COPY (?:--\S+ )*(.+) (\S+)$/gm)]
      .filter((m) => !m[0].includes('--from='))
      .flatMap((m) => m[1]!.split(' '));
    const fromBuild = [...docker.matchAll(/^COPY --from=build \S+ \/app\/(\S+) /gm)].map((m) => m[1]!).filter((p) => !p.startsWith('dist'));
    for (const p of [...sources.filter((s) => s !== '.'), ...fromBuild]) expect(fs.existsSync(path.join(ROOT, p)), p).toBe(true);
  });

  it('Grafana dashboard: every metric it queries is exported by src/observability/metrics.ts', () => {
    const used = dashboardMetrics(d('grafana', 'vicinato.json'));
    expect(used.length).toBeGreaterThan(10);
    const exported = exportedMetricNames();
    expect(used.filter((m) => !exported.has(m))).toEqual([]);
  });
});
