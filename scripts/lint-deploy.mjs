#!/usr/bin/env node
// @ts-check
/**
 * `npm run lint:deploy`: checks the deployment files offline, from what `npm ci` installed and what
 * the repository carries (docs/deploy.md#checks):
 *
 * - the compose files (deploy/compose.yaml, docker-compose.yml) against the Compose Specification's
 *   JSON schema (deploy/schemas/compose-spec.json, vendored from compose-spec/compose-spec);
 * - every Kubernetes object in deploy/k8s against the Kubernetes API's schemas (the validators of the
 *   `kubernetes-models` package), and for unknown fields (a typo such as `replicaz` is silently
 *   dropped by the API server) against the same package's type declarations, with TypeScript's
 *   excess-property check;
 * - what a schema cannot see: the probes' paths are routes of apps/api/src/health, every environment
 *   variable given to the programs is one libs/config reads, references between objects resolve
 *   (ConfigMap, PVC, Service, HPA and PDB targets), every container has CPU and memory requests and
 *   limits, every Deployment has a PodDisruptionBudget, the kustomization lists every manifest, and
 *   the nginx upstreams and compose dependencies name services of the compose file.
 *
 *   node scripts/lint-deploy.mjs [root]   (root: the repository, by default this script's parent)
 * Exit 0 with one summary line, or 1 with one line per problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Compose files checked against the schema; the first is the scaled topology, whose wiring is checked too. */
const COMPOSE_FILES = ['deploy/compose.yaml', 'docker-compose.yml'];
const K8S_DIR = 'deploy/k8s';
/** The Secret every pod reads its secrets from: created by the operator, never committed (deploy/k8s/configmap.yaml). */
const EXTERNAL_SECRETS = new Set(['nguon-secrets', 'nguon-tls']);

/**
 * @param {string} root
 * @returns {Promise<{ problems: string[], summary: string }>}
 */
export async function lintDeploy(root = REPO) {
  /** @type {string[]} */
  const problems = [];
  const read = (/** @type {string} */ path) => readFileSync(join(root, path), 'utf8');
  const configNames = configVariables(read('libs/config/src/config.ts'));
  const healthRoutes = routesOf(read('apps/api/src/health/health.controller.ts'));

  // Compose files: the schema, then the scaled topology's wiring.
  // The schema names its draft by an https URL that Ajv knows by its http one: it is draft-07, Ajv's default.
  const { $schema: _draft, ...schema } = JSON.parse(read('deploy/schemas/compose-spec.json'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validateCompose = ajv.compile(schema);
  /** @type {Record<string, any> | undefined} */
  let scaled;
  for (const file of COMPOSE_FILES) {
    if (!existsSync(join(root, file))) {
      problems.push(`${file}: missing`);
      continue;
    }
    const doc = parse(read(file), { merge: true });
    if (!validateCompose(doc)) {
      for (const error of validateCompose.errors ?? []) problems.push(`${file}: ${error.instancePath || '/'} ${error.message}${extra(error.params)}`);
    }
    if (file === COMPOSE_FILES[0]) scaled = doc;
  }
  if (scaled) checkScaledCompose(scaled, root, configNames, problems, read);

  // Kubernetes manifests.
  const dir = join(root, K8S_DIR);
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  /** @type {{ file: string, index: number, doc: any }[]} */
  const objects = [];
  for (const name of files.filter((name) => name !== 'kustomization.yaml')) {
    for (const [index, document] of parseAllDocuments(read(`${K8S_DIR}/${name}`)).entries()) {
      if (document.errors.length) problems.push(`${K8S_DIR}/${name}#${index}: ${document.errors[0].message}`);
      const doc = document.toJS();
      if (doc) objects.push({ file: `${K8S_DIR}/${name}`, index, doc });
    }
  }
  for (const object of objects) await validateSchema(object, problems);
  problems.push(...unknownFields(objects, root));
  checkKubernetesWiring(objects, healthRoutes, configNames, problems);
  if (files.includes('kustomization.yaml')) checkKustomization(parse(read(`${K8S_DIR}/kustomization.yaml`)), files, objects, problems);
  else problems.push(`${K8S_DIR}/kustomization.yaml: missing`);

  const summary = `deploy: ${COMPOSE_FILES.length} compose files and ${objects.length} Kubernetes objects in ${files.length - 1} manifests checked`;
  return { problems, summary };
}

/** @param {Record<string, unknown>} params */
function extra(params) {
  if ('additionalProperty' in params) return ` (${params.additionalProperty})`;
  if ('allowedValues' in params) return ` (${JSON.stringify(params.allowedValues)})`;
  return '';
}

/** The environment variables libs/config reads: `(env, 'NAME'` in config.ts. */
function configVariables(/** @type {string} */ source) {
  return new Set([...source.matchAll(/\(env, '([A-Z0-9_]+)'/g)].map((match) => match[1]));
}

/** `/prefix/path` of every GET in a controller file (`@Controller('x')` and `@Get('y')`). */
function routesOf(/** @type {string} */ source) {
  const prefix = /@Controller\('([^']*)'\)/.exec(source)?.[1] ?? '';
  return new Set([...source.matchAll(/@Get\('([^']*)'\)/g)].map((match) => `/${[prefix, match[1]].filter(Boolean).join('/')}`));
}

/**
 * @param {Record<string, any>} compose
 * @param {string} root
 * @param {Set<string>} configNames
 * @param {string[]} problems
 * @param {(path: string) => string} read
 */
function checkScaledCompose(compose, root, configNames, problems, read) {
  const file = COMPOSE_FILES[0];
  const services = compose.services ?? {};
  const names = new Set(Object.keys(services));
  for (const [name, service] of Object.entries(services)) {
    for (const target of Object.keys(service.depends_on ?? {})) {
      if (!names.has(target)) problems.push(`${file}: ${name} depends on ${target}, which is not a service`);
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (source?.startsWith('.') && !existsSync(join(root, 'deploy', source))) problems.push(`${file}: ${name} mounts ${source}, which does not exist`);
    }
    // The programs' environment: every name must be one the configuration reads.
    if (service.image === 'nguon:latest') {
      for (const variable of Object.keys(service.environment ?? {})) {
        if (!configNames.has(variable)) problems.push(`${file}: ${name} sets ${variable}, which libs/config does not read`);
      }
    }
  }
  for (const wanted of ['migrate', 'proxy']) if (!names.has(wanted)) problems.push(`${file}: no ${wanted} service`);
  const apis = [...names].filter((name) => /^api-\d+$/.test(name));
  if (apis.length < 2) problems.push(`${file}: fewer than 2 API services (api-1, api-2…)`);
  const nginx = read('deploy/nginx/nginx.conf');
  const upstreams = [...nginx.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((match) => match[1]);
  for (const host of upstreams) if (!names.has(host)) problems.push(`deploy/nginx/nginx.conf: upstream ${host} is not a service of ${file}`);
  for (const api of apis) if (!upstreams.includes(api)) problems.push(`deploy/nginx/nginx.conf: ${api} is not an upstream`);
}

/** @param {{ file: string, index: number, doc: any }} object @param {string[]} problems */
async function validateSchema({ file, index, doc }, problems) {
  const where = `${file}#${index} ${doc?.kind ?? '?'} ${doc?.metadata?.name ?? '?'}`;
  if (typeof doc?.apiVersion !== 'string' || typeof doc?.kind !== 'string') {
    problems.push(`${where}: no apiVersion or kind`);
    return;
  }
  /** @type {any} */
  let models;
  try {
    models = await import(`kubernetes-models/${doc.apiVersion}`);
  } catch {
    problems.push(`${where}: unknown apiVersion ${doc.apiVersion}`);
    return;
  }
  const Model = models[doc.kind];
  if (!Model) {
    problems.push(`${where}: ${doc.apiVersion} has no kind ${doc.kind}`);
    return;
  }
  try {
    new Model(doc).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
}

/**
 * Unknown fields, which the schemas allow but the API server drops: each object is type-checked as a
 * literal of its kind's interface from kubernetes-models (`IDeployment`…), so TypeScript's
 * excess-property check names any field the kind does not have, at any depth.
 * @param {{ file: string, index: number, doc: any }[]} objects
 * @param {string} root
 */
function unknownFields(objects, root) {
  const virtual = join(root, '.lint-deploy-objects.mts');
  /** @type {{ start: number, label: string }[]} */
  const ranges = [];
  let source = '';
  for (const [i, { file, index, doc }] of objects.entries()) {
    if (typeof doc?.apiVersion !== 'string' || typeof doc?.kind !== 'string') continue;
    ranges.push({ start: source.split('\n').length, label: `${file}#${index} ${doc.kind} ${doc.metadata?.name ?? '?'}` });
    source += `import type { I${doc.kind} as T${i} } from 'kubernetes-models/${doc.apiVersion}/${doc.kind}';\n`;
    source += `export const o${i}: T${i} = ${JSON.stringify(doc, null, 1)};\n`;
  }
  const options = { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, types: [] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) => (resolve(name) === virtual ? ts.createSourceFile(name, source, version) : getSourceFile.call(host, name, version, ...rest));
  host.fileExists = (name) => resolve(name) === virtual || fileExists.call(host, name);
  host.readFile = (name) => (resolve(name) === virtual ? source : readFile.call(host, name));
  const program = ts.createProgram([virtual], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    const label = [...ranges].reverse().find((range) => range.start <= line)?.label ?? '?';
    return `${label}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

/**
 * @param {{ file: string, index: number, doc: any }[]} objects
 * @param {Set<string>} healthRoutes
 * @param {Set<string>} configNames
 * @param {string[]} problems
 */
function checkKubernetesWiring(objects, healthRoutes, configNames, problems) {
  const docs = objects.map((object) => object.doc);
  const named = (/** @type {string} */ kind) => new Set(docs.filter((doc) => doc?.kind === kind).map((doc) => doc.metadata?.name));
  const configMaps = named('ConfigMap');
  const claims = named('PersistentVolumeClaim');
  const services = docs.filter((doc) => doc?.kind === 'Service');
  const workloads = docs.filter((doc) => doc?.kind === 'Deployment' || doc?.kind === 'Job');
  const deployments = docs.filter((doc) => doc?.kind === 'Deployment');
  const podLabels = (/** @type {any} */ workload) => workload.spec?.template?.metadata?.labels ?? {};
  const selects = (/** @type {Record<string, string>} */ selector, /** @type {Record<string, string>} */ labels) =>
    Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

  for (const doc of docs.filter((d) => d?.kind === 'ConfigMap')) {
    for (const variable of Object.keys(doc.data ?? {})) {
      if (!configNames.has(variable)) problems.push(`ConfigMap ${doc.metadata.name}: ${variable} is not a variable libs/config reads`);
    }
  }
  for (const workload of workloads) {
    const where = `${workload.kind} ${workload.metadata?.name}`;
    const pod = workload.spec?.template?.spec ?? {};
    for (const container of pod.containers ?? []) {
      for (const source of container.envFrom ?? []) {
        const ref = source.configMapRef?.name;
        if (ref && !configMaps.has(ref)) problems.push(`${where}: ConfigMap ${ref} is not defined`);
        const secret = source.secretRef?.name;
        if (secret && !EXTERNAL_SECRETS.has(secret)) problems.push(`${where}: Secret ${secret} is neither defined nor the documented nguon-secrets`);
      }
      for (const variable of container.env ?? []) {
        if (!configNames.has(variable.name)) problems.push(`${where}: ${variable.name} is not a variable libs/config reads`);
      }
      for (const resource of ['cpu', 'memory']) {
        for (const bound of ['requests', 'limits']) {
          if (!container.resources?.[bound]?.[resource]) problems.push(`${where}: container ${container.name} has no ${resource} ${bound}`);
        }
      }
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const path = container[probe]?.httpGet?.path;
        if (path && !healthRoutes.has(path)) problems.push(`${where}: ${probe} asks ${path}, not a route of apps/api/src/health (${[...healthRoutes].join(', ')})`);
      }
      if ((container.ports ?? []).length && workload.kind === 'Deployment') {
        if (container.livenessProbe?.httpGet?.path !== '/health/live') problems.push(`${where}: an HTTP container without a liveness probe on /health/live`);
        if (container.readinessProbe?.httpGet?.path !== '/health/ready') problems.push(`${where}: an HTTP container without a readiness probe on /health/ready`);
      }
    }
    for (const volume of pod.volumes ?? []) {
      const claim = volume.persistentVolumeClaim?.claimName;
      if (claim && !claims.has(claim)) problems.push(`${where}: PersistentVolumeClaim ${claim} is not defined`);
    }
  }
  for (const deployment of deployments) {
    if (!selects(deployment.spec?.selector?.matchLabels, podLabels(deployment))) problems.push(`Deployment ${deployment.metadata?.name}: its selector does not select its own pods`);
    const budgets = docs.filter((doc) => doc?.kind === 'PodDisruptionBudget' && selects(doc.spec?.selector?.matchLabels, podLabels(deployment)));
    if (!budgets.length) problems.push(`Deployment ${deployment.metadata?.name}: no PodDisruptionBudget selects its pods`);
  }
  for (const doc of docs) {
    const where = `${doc?.kind} ${doc?.metadata?.name}`;
    if (doc?.kind === 'Service' || doc?.kind === 'PodDisruptionBudget') {
      const selector = doc.kind === 'Service' ? doc.spec?.selector : doc.spec?.selector?.matchLabels;
      if (!deployments.some((deployment) => selects(selector, podLabels(deployment)))) problems.push(`${where}: selects no Deployment's pods`);
    }
    if (doc?.kind === 'HorizontalPodAutoscaler') {
      const target = doc.spec?.scaleTargetRef;
      if (!deployments.some((deployment) => deployment.metadata?.name === target?.name)) problems.push(`${where}: scales ${target?.kind} ${target?.name}, which is not defined`);
    }
    if (doc?.kind === 'Ingress') {
      for (const rule of doc.spec?.rules ?? []) {
        for (const path of rule.http?.paths ?? []) {
          const backend = path.backend?.service;
          const service = services.find((s) => s.metadata?.name === backend?.name);
          if (!service) problems.push(`${where}: backend ${backend?.name} is not a Service`);
          else if (backend.port?.name && !(service.spec?.ports ?? []).some((/** @type {any} */ port) => port.name === backend.port.name)) {
            problems.push(`${where}: Service ${backend.name} has no port named ${backend.port.name}`);
          }
        }
      }
      for (const tls of doc.spec?.tls ?? []) if (tls.secretName && !EXTERNAL_SECRETS.has(tls.secretName)) problems.push(`${where}: TLS Secret ${tls.secretName} is not documented`);
    }
  }
}

/**
 * @param {any} kustomization
 * @param {string[]} files
 * @param {{ file: string, index: number, doc: any }[]} objects
 * @param {string[]} problems
 */
function checkKustomization(kustomization, files, objects, problems) {
  const where = `${K8S_DIR}/kustomization.yaml`;
  const listed = new Set(kustomization?.resources ?? []);
  for (const file of files) if (file !== 'kustomization.yaml' && !listed.has(file)) problems.push(`${where}: ${file} is not among the resources`);
  for (const resource of listed) if (!files.includes(resource)) problems.push(`${where}: resource ${resource} does not exist`);
  const images = new Set((kustomization?.images ?? []).map((/** @type {any} */ image) => image.name));
  for (const { doc } of objects) {
    for (const container of doc?.spec?.template?.spec?.containers ?? []) {
      if (!images.has(container.image)) problems.push(`${where}: image ${container.image} (${doc.kind} ${doc.metadata?.name}) has no entry under images`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? REPO);
  const { problems, summary } = await lintDeploy(root);
  for (const problem of problems) console.error(`${relative(process.cwd(), root) || '.'}: ${problem}`);
  if (problems.length) {
    console.error(`lint:deploy: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(summary);
}
