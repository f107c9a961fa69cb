import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { CheckedProject } from '../engine/load-project.js';
import { statusOn, type DocumentStatus } from '../corpus/status.js';
import { revisionState } from '../corpus/revision.js';

/** Status as data: the document that replaced this one by id, not as an object. */
function statusData(status: DocumentStatus): Record<string, unknown> {
  if (status.kind === 'ersatt') return { kind: status.kind, on: status.on, by: status.by.data.id };
  return { ...status };
}

/**
 * The whole checked corpus as one JSON document for reuse: every document's frontmatter and Markdown, its
 * derived status and relations, the strategy targets, the nämnd goals and what the check found.
 */
export function openData(project: CheckedProject): Record<string, unknown> {
  const { config, corpus, today } = project;
  const ids = (docs: { data: { id: string } }[] | undefined) => [...new Set((docs ?? []).map((d) => d.data.id))];
  const complements = new Map<string, string[]>();
  for (const doc of corpus.documents) {
    for (const id of new Set(doc.data.kompletteras_med ?? [])) {
      const list = complements.get(id);
      if (list) list.push(doc.data.id);
      else complements.set(id, [doc.data.id]);
    }
  }
  return {
    kommun: config.data.kommun,
    date: today,
    schemas: '/schemas/',
    documents: corpus.documents.map((doc) => ({
      id: doc.data.id,
      file: doc.file,
      url: `/dokument/${doc.data.id}/`,
      status: statusData(statusOn(doc, today, corpus)),
      revision: revisionState(doc, today, config),
      relations: {
        implements: doc.data.genomför ?? [],
        implementedBy: ids(corpus.implementedBy.get(doc.data.id)),
        replaces: doc.data.ersätter ?? [],
        replacedBy: ids(corpus.replacedBy.get(doc.data.id)),
        complementedBy: doc.data.kompletteras_med ?? [],
        complements: [...new Set(complements.get(doc.data.id))],
      },
      frontmatter: doc.data,
      // Read when this document is written (writeJsonFile writes one at a time), not all 10,000 at once.
      get body() {
        return doc.body;
      },
    })),
    targets: [...corpus.targets.values()].map((t) => ({
      ref: t.ref,
      document: t.document.data.id,
      id: t.id,
      kind: t.kind,
      title: t.title,
      ...(t.text ? { text: t.text } : {}),
      ...(t.parent ? { parent: t.parent.ref } : {}),
    })),
    goals: corpus.goals.map((g) => ({ ref: g.ref, plan: g.plan.data.id, namnd: g.plan.data.nämnd, year: g.plan.data.år, goal: g.goal })),
    diagnostics: project.diagnostics.map((d) => ({
      file: d.file,
      line: d.span.start.line,
      column: d.span.start.column,
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      ...(d.documentId ? { documentId: d.documentId } : {}),
    })),
  };
}

/**
 * Writes `value` as compact JSON, exactly as JSON.stringify would, but the top two levels piece by piece
 * (one document of the open data at a time), so a large corpus never needs its whole file as one string.
 * It waits a turn every `yieldEvery` items of a list: a body read for the file is kept until the job that read
 * it ends (a WeakRef's target, load/parse-cache.ts), and in one job that would be every body, ~200 MB.
 */
export async function writeJsonFile(file: string, value: unknown, yieldEvery = 200): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length) writeSync(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  const emit = (text: string) => {
    buffer.push(text);
    size += text.length;
    if (size > 1 << 20) flush();
  };
  const walk = async (item: unknown, depth: number, inArray: boolean): Promise<void> => {
    if (depth >= 2 || item === null || typeof item !== 'object' || 'toJSON' in item) {
      const json = JSON.stringify(item);
      if (json !== undefined) emit(json);
      else if (inArray) emit('null');
      return;
    }
    if (Array.isArray(item)) {
      emit('[');
      for (let i = 0; i < item.length; i++) {
        if (i) emit(',');
        await walk(item[i], depth + 1, true);
        if ((i + 1) % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      emit(']');
      return;
    }
    emit('{');
    let first = true;
    for (const [key, element] of Object.entries(item)) {
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') continue;
      emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await walk(element, depth + 1, false);
    }
    emit('}');
  };
  try {
    await walk(value, 0, false);
    flush();
  } finally {
    closeSync(fd);
  }
}
