import {
  contentVersion,
  type ModelVersionMeta,
  ModelVersionMetaSchema,
  type PromotedPointer,
  PromotedPointerSchema,
  promotionVerdict,
  rollbackTarget,
} from '../domain/model-registry.ts';
import type { Clock } from '../ports/clock.ts';
import type { ModelStore } from '../ports/model-store.ts';

const modelKey = (version: string) => `versions/${version}/model.json`;
const metaKey = (version: string) => `versions/${version}/meta.json`;
const POINTER_KEY = 'promoted.json';

/** The version asked for is not in the registry. */
export class UnknownModelVersionError extends Error {
  constructor(version: string) {
    super(`version: no model version ${version} in the registry (see prospector model list)`);
    this.name = 'UnknownModelVersionError';
  }
}

/** A stored file or record does not match what was written: fails loudly, naming the file. */
export class CorruptRegistryError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptRegistryError';
  }
}

/** The guard refused a promotion; `reasons` say which figures are worse beyond the noise. */
export class PromotionRefusedError extends Error {
  constructor(
    version: string,
    readonly reasons: string[],
  ) {
    super(`refused to promote ${version}: ${reasons.join('; ')}`);
    this.name = 'PromotionRefusedError';
  }
}

export class NothingToRollBackError extends Error {
  constructor() {
    super('no earlier version to roll back to');
    this.name = 'NothingToRollBackError';
  }
}

/**
 * Stores a model file under its content hash with its record. A version is immutable: saving the
 * same bytes again keeps the first record (and its figures) and reports `created: false`.
 */
export async function saveModelVersion(
  models: ModelStore,
  body: string,
  record: Omit<ModelVersionMeta, 'version'>,
): Promise<{ meta: ModelVersionMeta; created: boolean }> {
  const version = contentVersion(body);
  const meta = ModelVersionMetaSchema.parse({ ...record, version });
  await models.create(modelKey(version), body);
  const created = await models.create(metaKey(version), `${JSON.stringify(meta, null, 2)}\n`);
  return { meta: created ? meta : await readMeta(models, version), created };
}

async function readMeta(models: ModelStore, version: string): Promise<ModelVersionMeta> {
  const text = await models.read(metaKey(version));
  if (text === undefined) throw new UnknownModelVersionError(version);
  const parsed = ModelVersionMetaSchema.safeParse(safeJson(text));
  if (!parsed.success || parsed.data.version !== version)
    throw new CorruptRegistryError(metaKey(version), 'not a model record for this version');
  return parsed.data;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A version's file, checked against its hash: a changed or truncated file is refused by name. */
export async function readModelVersion(
  models: ModelStore,
  version: string,
): Promise<{ meta: ModelVersionMeta; body: string }> {
  const meta = await readMeta(models, version);
  const body = await models.read(modelKey(version));
  if (body === undefined) throw new CorruptRegistryError(modelKey(version), 'missing');
  if (contentVersion(body) !== version)
    throw new CorruptRegistryError(modelKey(version), 'its content does not match its version hash');
  return { meta, body };
}

export async function readPromoted(models: ModelStore): Promise<PromotedPointer | undefined> {
  const text = await models.read(POINTER_KEY);
  if (text === undefined) return undefined;
  const parsed = PromotedPointerSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new CorruptRegistryError(POINTER_KEY, 'not a promoted-version pointer');
  return parsed.data;
}

/** Every version with its figures, oldest first, and which one serves. */
export async function listModelVersions(
  models: ModelStore,
): Promise<{ versions: ModelVersionMeta[]; serving?: string }> {
  const ids = (await models.list('versions/'))
    .map((k) => /^versions\/([0-9a-f]{16})\/meta\.json$/.exec(k)?.[1])
    .filter((v): v is string => v !== undefined);
  const versions = await Promise.all(ids.map((v) => readMeta(models, v)));
  versions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version.localeCompare(b.version));
  return { versions, serving: (await readPromoted(models))?.version };
}

/**
 * A person promotes a version. Refused (PromotionRefusedError, with the reasons) when its figures
 * are worse than the model it was measured against beyond the fold noise. The first promotion
 * records `baseline` (the shipped model) as what served before, so rollback can return to it.
 */
export async function promoteModel(
  deps: { models: ModelStore; clock: Clock },
  input: { version: string; by: string; baseline?: string },
): Promise<PromotedPointer> {
  const meta = await readMeta(deps.models, input.version);
  const verdict = promotionVerdict(meta);
  if (!verdict.promotable) throw new PromotionRefusedError(input.version, verdict.reasons);
  const current = await readPromoted(deps.models);
  const at = deps.clock.now().toISOString();
  const before =
    current?.history ??
    (input.baseline ? [{ version: input.baseline, at, by: 'repository', action: 'promote' as const }] : []);
  const pointer = PromotedPointerSchema.parse({
    version: input.version,
    history: [...before, { version: input.version, at, by: input.by, action: 'promote' }].slice(-1_000),
  });
  await deps.models.replace(POINTER_KEY, `${JSON.stringify(pointer, null, 2)}\n`);
  return pointer;
}

/** One command back: the version that served before the current one serves again. */
export async function rollbackModel(
  deps: { models: ModelStore; clock: Clock },
  input: { by: string },
): Promise<PromotedPointer> {
  const current = await readPromoted(deps.models);
  const target = current && rollbackTarget(current);
  if (!current || !target) throw new NothingToRollBackError();
  await readModelVersion(deps.models, target);
  const at = deps.clock.now().toISOString();
  const pointer = PromotedPointerSchema.parse({
    version: target,
    history: [...current.history, { version: target, at, by: input.by, action: 'rollback' }].slice(-1_000),
  });
  await deps.models.replace(POINTER_KEY, `${JSON.stringify(pointer, null, 2)}\n`);
  return pointer;
}

/**
 * The model that serves: the promoted version, else the shipped file. A promoted version that is
 * missing or corrupt throws (naming the file): the caller fails loudly and keeps what it had.
 */
export async function servingModel(
  models: ModelStore,
  shipped: { version: string; body: string },
): Promise<{ version: string; body: string; promoted: boolean }> {
  const pointer = await readPromoted(models);
  if (!pointer || pointer.version === shipped.version) return { ...shipped, promoted: false };
  const { body } = await readModelVersion(models, pointer.version);
  return { version: pointer.version, body, promoted: true };
}

/**
 * Records the shipped model (data/intent/two-stage-model.json) as a version, so the first promotion has
 * something to roll back to. Idempotent: its content hash is its version.
 */
export async function registerShippedModel(
  deps: { models: ModelStore; clock: Clock },
  body: string,
): Promise<ModelVersionMeta> {
  const examples = (safeJson(body) as { training?: { examples?: number } } | undefined)?.training?.examples;
  const { meta } = await saveModelVersion(deps.models, body, {
    createdAt: deps.clock.now().toISOString(),
    createdBy: 'repository',
    trainer: 'shipped (data/intent/two-stage-model.json, npm run train)',
    trainedOn: { corpus: typeof examples === 'number' ? examples : 0, feedback: 0 },
  });
  return meta;
}
