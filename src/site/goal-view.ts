import type { GoalEntry } from '../corpus/corpus.js';
import { forecastOf } from '../followup/status.js';
import { assessmentView } from './followup-view.js';
import type { Indicator } from '../model/document.js';
import type { ModelContext } from './context.js';
import { dueText, outcomeText, periodText, swedishNumber } from './format.js';
import type { GoalView, IndicatorView, NamndPage, PlanView } from './types.js';

/** A nämnd goal with the strategy targets it traces to, its activities and its indicators as one table. */
export function goalView(entry: GoalEntry, ctx: ModelContext): GoalView {
  const { goal } = entry;
  const indicators = goal.indikatorer ?? [];
  // One column per reported period, oldest first, shared by the goal's indicators.
  const periods = [...new Set(indicators.flatMap((i) => (i.utfall ?? []).map((u) => u.period)))].sort();
  const link = ctx.goalLink(entry);
  return {
    ref: entry.ref,
    year: link.year,
    anchor: ctx.goalAnchor(entry),
    url: link.url,
    title: goal.titel,
    ...(goal.beskrivning ? { description: goal.beskrivning } : {}),
    targets: (goal.bidrar_till ?? []).map((ref) => ctx.targetLink(ref)),
    activities: (goal.aktiviteter ?? []).map((a) => {
      const due = dueText(a.klart);
      return { text: a.text, ...(a.ansvarig ? { responsible: ctx.name(a.ansvarig) } : {}), ...(due ? { due } : {}) };
    }),
    periods: periods.map(periodText),
    indicators: indicators.map((i) => indicatorView(i, periods)),
    assessments: [...(goal.bedömning ?? [])]
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((a) => assessmentView(a.period, a)),
  };
}

function withUnit(value: number, unit: string): string {
  return unit === 'procent' || unit === '%' ? `${swedishNumber(value)} %` : `${swedishNumber(value)} ${unit}`;
}

function indicatorView(indicator: Indicator, periods: string[]): IndicatorView {
  const byPeriod = new Map((indicator.utfall ?? []).map((u) => [u.period, u]));
  return {
    id: indicator.id,
    name: indicator.namn,
    unit: indicator.enhet,
    direction: indicator.riktning === 'öka' ? 'Högre är bättre' : 'Lägre är bättre',
    ...(indicator.utgångsvärde ? { baseline: `${withUnit(indicator.utgångsvärde.värde, indicator.enhet)} (${indicator.utgångsvärde.år})` } : {}),
    target: withUnit(indicator.målvärde, indicator.enhet),
    ...(indicator.kolada ? { kolada: indicator.kolada } : {}),
    results: periods.map((p) => {
      const result = byPeriod.get(p);
      return result ? outcomeText(result.värde, forecastOf(result), (v) => withUnit(v, indicator.enhet)) : undefined;
    }),
    comments: (indicator.utfall ?? []).filter((u) => u.kommentar).map((u) => ({ period: periodText(u.period), text: u.kommentar ?? '' })),
  };
}

/** A page for every nämnd and styrelse, and for any other organ that has a verksamhetsplan. */
/** `followupUrl` gives the page of a nämnd's uppföljning of a year, where there is one. */
export function namndPages(ctx: ModelContext, followupUrl: (namnd: string, year: number) => string | undefined = () => undefined): NamndPage[] {
  const { config, corpus } = ctx.project;
  const plansBy = new Map<string, PlanView[]>();
  const seen = new Set<string>();
  for (const entry of corpus.goals) {
    const plan = entry.plan;
    if (seen.has(plan.data.id)) continue;
    seen.add(plan.data.id);
    const goals = ctx.goalsOfPlan(plan).map((g) => goalView(g, ctx));
    const list = plansBy.get(plan.data.nämnd) ?? [];
    const followup = followupUrl(plan.data.nämnd, plan.data.år);
    list.push({ doc: ctx.summary(plan), year: plan.data.år, goals, ...(followup ? { followupUrl: followup } : {}) });
    plansBy.set(plan.data.nämnd, list);
  }
  // Plans without goals still belong on their nämnd's page.
  for (const doc of corpus.documents) {
    if (doc.data.dokumenttyp !== 'verksamhetsplan' || seen.has(doc.data.id)) continue;
    seen.add(doc.data.id);
    const plan = doc.data as { nämnd: string; år: number };
    const list = plansBy.get(plan.nämnd) ?? [];
    list.push({ doc: ctx.summary(doc), year: plan.år, goals: [] });
    plansBy.set(plan.nämnd, list);
  }
  const ids = [...config.data.organ.filter((o) => o.typ === 'nämnd' || o.typ === 'styrelse').map((o) => o.id), ...plansBy.keys()];
  return [...new Set(ids)].map((id) => {
    const plans = (plansBy.get(id) ?? []).sort((a, b) => b.year - a.year || a.doc.title.localeCompare(b.doc.title, 'sv'));
    const short = config.organ(id)?.förkortning;
    return {
      id,
      url: ctx.namndUrl(id),
      title: config.nameOf(id),
      ...(short ? { short } : {}),
      goalCount: plans.reduce((n, p) => n + p.goals.length, 0),
      plans,
    };
  });
}
