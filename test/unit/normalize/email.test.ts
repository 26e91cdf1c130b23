// E-mail normalisation, table-tested: Gmail dots and tags, subaddressing only where the provider
// supports it, Amazon relay addresses never linking.
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../shared/normalize';

describe('normaliseEmail', () => {
  it.each([
    ['  Anna.Schmidt@GMAIL.com ', 'annaschmidt@gmail.com', 'gmail-dots-and-tags'],
    ['a.n.n.a.schmidt+shop@googlemail.com', 'annaschmidt@gmail.com', 'gmail-dots-and-tags'],
    ['annaschmidt@gmail.com', 'annaschmidt@gmail.com', 'exact'],
    ['ANNASCHMIDT@GMAIL.COM', 'annaschmidt@gmail.com', 'exact'],
    ['max.muster+zalando@outlook.com', 'max.muster@outlook.com', 'plus-tag'],
    ['max.muster+x@hotmail.de', 'max.muster@hotmail.de', 'plus-tag'],
    ['jo+news@icloud.com', 'jo@icloud.com', 'plus-tag'],
    ['p+1@proton.me', 'p@proton.me', 'plus-tag'],
    // Dots are significant outside Gmail.
    ['max.muster@outlook.com', 'max.muster@outlook.com', 'exact'],
    // GMX, web.de and Yahoo do not deliver "+tag" to the base mailbox: keep it.
    ['hans+shop@gmx.de', 'hans+shop@gmx.de', 'exact'],
    ['hans+shop@web.de', 'hans+shop@web.de', 'exact'],
    ['hans-shop@yahoo.de', 'hans-shop@yahoo.de', 'exact'],
  ])('%s -> %s (%s)', (raw, value, rule) => {
    expect(normaliseEmail(raw)).toEqual({ value, rule });
  });

  it.each([
    'lwts5bbgba61mxu@marketplace.amazon.de',
    'ABC123@Marketplace.Amazon.DE',
    'x@marketplace.amazon.co.uk',
    '',
    'not-an-email',
    '@gmail.com',
    'a@localhost',
    '+tag@gmail.com',
  ])('%j gives no key', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('different Gmail mailboxes stay apart', () => {
    expect(normaliseEmail('anna.schmidt@gmail.com')?.value).not.toBe(normaliseEmail('anna.schmitt@gmail.com')?.value);
  });
});
