import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainHiddenOnLine, firstHiddenCharacter, hasHiddenCharacter, hiddenCharacterName, markHiddenCharacters, showHiddenCharacters } from '../../src/load/hidden-characters.js';
import { parseFile } from '../../src/load/parse-file.js';

/** What a word processor or a web page leaves in pasted text, and the direction marks of Trojan Source. */
const HIDDEN = ['\u00a0', '\u202f', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u202e', '\u2066', '\u2003', '\u3000', '\u2028'];
const VISIBLE = ['a', 'ö', '-', '#', ' ', '1', '😀', '<', 'U', '+'];
const textOf = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((list) => list.join(''));

describe('hidden characters in the values a message quotes', () => {
  it('names each character in Swedish, with its code point', () => {
    expect(hiddenCharacterName('\u200b')).toBe('nollbreddsblanksteg (U+200B)');
    expect(hiddenCharacterName('\u00a0')).toBe('hårt blanksteg (U+00A0)');
    expect(hiddenCharacterName('\u00ad')).toBe('mjukt bindestreck (U+00AD)');
    expect(hiddenCharacterName('\u202e')).toBe('tecken för skrivriktning (U+202E)');
    expect(hiddenCharacterName('\u2003')).toBe('ovanligt blanksteg (U+2003)');
    expect(hiddenCharacterName('\u{e0041}')).toBe('osynligt formateringstecken (U+E0041)');
    for (const char of HIDDEN) expect(hasHiddenCharacter(`a${char}b`), hiddenCharacterName(char)).toBe(true);
    for (const char of VISIBLE) expect(hasHiddenCharacter(char)).toBe(false);
  });

  it('shows them in the quote and says what they are and what to do', () => {
    expect(showHiddenCharacters('Okänt organ «kommunstyrelsen\u00a0». Menade du «kommunstyrelsen»?')).toBe(
      'Okänt organ «kommunstyrelsen<U+00A0>». Menade du «kommunstyrelsen»? Värdet innehåller ett dolt tecken, hårt blanksteg (U+00A0), ' +
        'här visat som <U+00A0>: det syns inte i en editor, eller ser ut som ett blanksteg, men gör värdet till ett annat. Sådana tecken ' +
        'följer ofta med när text klistras in från Word eller en webbsida; ta bort tecknet eller skriv värdet för hand.',
    );
    expect(showHiddenCharacters('«a\u200bb\u200b» och «\u202ec»')).toMatch(
      /^«a<U\+200B>b<U\+200B>» och «<U\+202E>c» Värdet innehåller dolda tecken, nollbreddsblanksteg \(U\+200B\) och tecken för skrivriktning \(U\+202E\), här visade som <U\+…>: de syns/,
    );
  });

  it('leaves the words outside the quotes alone: sv-SE writes 10 000 with a hard space', () => {
    const message = 'Filen har 10\u00a0000 rader, fler än gränsen «5000» för «strategy/x.md».';
    expect(showHiddenCharacters(message)).toBe(message);
  });

  it('changes only quotes that hold one, and is the same when shown twice (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(textOf(VISIBLE), textOf([...VISIBLE, ...HIDDEN])), { maxLength: 4 }), textOf(VISIBLE), (parts, tail) => {
        const message = parts.map(([words, value]) => `${words}«${value}»`).join('') + tail;
        const shown = showHiddenCharacters(message);
        const quotes = [...shown.matchAll(/«([^«»]*)»/g)].map((m) => m[1]!);
        for (const quote of quotes) expect(hasHiddenCharacter(quote)).toBe(false);
        expect(showHiddenCharacters(shown)).toBe(shown);
        if (!parts.some(([, value]) => hasHiddenCharacter(value))) expect(shown).toBe(message);
        else expect(shown.startsWith(markHiddenCharacters(message))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the first one from an offset', () => {
    expect(firstHiddenCharacter('ab\u200bc\u00a0', 0)).toBe(2);
    expect(firstHiddenCharacter('ab\u200bc\u00a0', 3)).toBe(4);
    expect(firstHiddenCharacter('abc', 0)).toBe(-1);
  });

  it('names one on the line of a YAML finding, which quotes no value, and points at it; other lines are not looked at', () => {
    const text = 'a: 1\nb:\u00a0x\nc: y\u200b\n';
    const said = explainHiddenOnLine(text, { start: { line: 2, column: 1 } }, 'Fel.');
    expect(said.span).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 4 } });
    expect(said.message).toMatch(/^Fel\. På raden står ett dolt tecken, hårt blanksteg \(U\+00A0\), på kolumn 3\./);
    expect(explainHiddenOnLine(text, { start: { line: 1, column: 1 } }, 'Fel.')).toEqual({ span: { start: { line: 1, column: 1 } }, message: 'Fel.' });
    expect(explainHiddenOnLine(text, { start: { line: 9, column: 1 } }, 'Fel.').message).toBe('Fel.');
  });

  it('points a schema finding at the hidden character, on the line of its key', () => {
    const text = '---\nid: trygghet\u200b\ndokumenttyp: policy\ntitel\u00a0: X\n---\n';
    const { diagnostics } = parseFile({ file: 'strategy/x.md', absPath: '/dev/null', text, size: text.length, mtimeMs: 0 });
    const at = (fragment: string) => diagnostics.find((d) => d.message.includes(fragment))?.span.start;
    expect(at('«trygghet<U+200B>» har fel form')).toEqual({ line: 2, column: 13 });
    expect(at('«titel<U+00A0>»')).toEqual({ line: 4, column: 6 });
    // Findings without a hidden character stay where the schema puts them.
    expect(at('«beslutande_organ» saknas')).toEqual({ line: 2, column: 1 });
  });
});
