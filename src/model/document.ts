import type * as S from './schema-types.js';
import type { Span } from './diagnostic.js';
import type { PathSegment } from '../load/yaml-source.js';
import type { BodyLink } from '../load/body-links.js';
import type { DirectionControls } from '../load/direction-controls.js';

export type Dokumenttyp = S.Dokumenttyp;
export type DocumentData =
  | S.PolicyData
  | S.StrategiData
  | S.RiktlinjeData
  | S.AnvisningData
  | S.RutinData
  | S.AtgardsplanData
  | S.OverenskommelseData
  | S.IopData
  | S.VerksamhetsplanData;
export type StrategiData = S.StrategiData;
export type VerksamhetsplanData = S.VerksamhetsplanData;
export type Goal = S.Mal1;
export type Indicator = S.Indikator;
export type Action = S.Atgard;
export type FocusArea = S.Fokusomrade;

/** A Markdown file whose frontmatter passed its kind's schema. */
export interface StyrDocument {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  data: DocumentData;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyStartLine: number;
  /**
   * Links, images and link definitions in the body that the checker judges, in file coordinates (as remark
   * finds them): all but those to http(s), mailto and tel addresses (linksToJudge).
   */
  links: readonly BodyLink[];
  /**
   * The same links as the parse cache keeps them, one `line:column url` a line, on a document read from the
   * cache: a re-check after a file came or went looks through them without making each link an object.
   */
  linksText?: string;
  /** The lines of the file, frontmatter and body, that hold Unicode direction controls (load/direction-controls.ts); usually none. */
  directionControls: readonly DirectionControls[];
  /** Span of the frontmatter key at `path`. */
  locate(path: readonly PathSegment[]): Span;
}

export function isStrategiLike(data: DocumentData): data is S.StrategiData | S.OverenskommelseData | S.IopData {
  return 'fokusområden' in data || 'inriktning' in data;
}

export function isVerksamhetsplan(data: DocumentData): data is S.VerksamhetsplanData {
  return data.dokumenttyp === 'verksamhetsplan';
}

/** Actions live in strategier and åtgärdsplaner. */
export function actionsOf(data: DocumentData): Action[] {
  return 'åtgärder' in data && Array.isArray(data.åtgärder) ? data.åtgärder : [];
}
