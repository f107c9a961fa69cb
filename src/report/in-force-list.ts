import type { Config } from '../config/config.js';
import type { Corpus } from '../corpus/corpus.js';
import { swedishDate, type IsoDate } from '../corpus/dates.js';
import { inForceOn } from '../corpus/in-force-on.js';

/** `styrdok check --at D` as text: the documents in force on D, grouped by type. */
export function renderInForceText(corpus: Corpus, config: Config, date: IsoDate): string {
  const docs = inForceOn(corpus, config, date);
  if (!docs.length) return `Inga styrdokument gällde ${swedishDate(date)}.\n`;
  const lines = [`Styrdokument som gällde ${swedishDate(date)} (${docs.length} st):`];
  let kind = '';
  for (const doc of docs) {
    if (doc.data.dokumenttyp !== kind) {
      kind = doc.data.dokumenttyp;
      lines.push('', `${config.typeRules(doc.data.dokumenttyp)?.plural ?? kind}:`);
    }
    const decision = doc.data.beslut ? ` (${config.nameOf(doc.data.beslutande_organ)} ${doc.data.beslut.datum}, ${doc.data.beslut.diarienummer})` : '';
    lines.push(`  ${doc.data.titel}${decision}`, `    ${doc.file}`);
  }
  return lines.join('\n') + '\n';
}

export function renderInForceJson(corpus: Corpus, config: Config, date: IsoDate): string {
  const documents = inForceOn(corpus, config, date).map((doc) => ({
    id: doc.data.id,
    dokumenttyp: doc.data.dokumenttyp,
    titel: doc.data.titel,
    fil: doc.file,
    beslut: doc.data.beslut ?? null,
  }));
  return JSON.stringify({ datum: date, dokument: documents }, null, 2) + '\n';
}
