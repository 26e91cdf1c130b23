// The analyst's name is what every log entry is attributed to: it must read as it is. A name of
// nothing visible, or one whose text a direction override turns around, is not a name.
import { describe, expect, it } from 'vitest';
import { cleanAnalystName } from '../../../renderer/src/core/storage/metaRepository';

describe('cleanAnalystName', () => {
  it('keeps a name as written, its spaces tidied', () => {
    expect(cleanAnalystName('  K.   Weber ')).toBe('K. Weber');
    expect(cleanAnalystName('Zoë Øster-Ağaoğlu')).toBe('Zoë Øster-Ağaoğlu');
    // Joiners stay: an emoji sequence and scripts that need them are written with them.
    expect(cleanAnalystName('Ana \u{1f469}\u200d\u{1f4bc}')).toBe('Ana \u{1f469}\u200d\u{1f4bc}');
    expect(cleanAnalystName('Maryam\u200c Rezaei')).toBe('Maryam\u200c Rezaei');
  });

  it('refuses a name with nothing visible in it', () => {
    for (const invisible of ['\u200b', '\u200b \u200b', '\u3164', '\ufeff\u2060', '\u202e', '\u2800'])
      expect(() => cleanAnalystName(invisible), JSON.stringify(invisible)).toThrow('Enter your name: every decision is logged under it');
  });

  it('drops what would make a name show otherwise than it is', () => {
    // U+202E between "K. Weber" and "gnirts" shows "K. Weberstring": the log keeps the characters as they run.
    expect(cleanAnalystName('K. Weber\u202egnirts')).toBe('K. Webergnirts');
    expect(cleanAnalystName('\u2067K. Weber\u2069')).toBe('K. Weber');
    expect(cleanAnalystName('K.\u200b Weber\u00ad')).toBe('K. Weber');
  });

  it('refuses a name over 80 characters', () => {
    expect(() => cleanAnalystName('W'.repeat(81))).toThrow('A name is at most 80 characters; this one has 81');
    expect(cleanAnalystName('W'.repeat(80))).toHaveLength(80);
  });
});
