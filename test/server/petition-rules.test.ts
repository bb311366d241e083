import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalEmail } from '../../server/mail/addresses.js';
import { canMove, closingDate, daysLeft, thresholdCount } from '../../server/petitions/rules.js';

describe('petition rules', () => {
  it('allows only the petition life’s own steps', () => {
    assert.ok(canMove('draft', 'awaiting_moderation'));
    assert.ok(canMove('awaiting_moderation', 'open'));
    assert.ok(canMove('awaiting_moderation', 'rejected'));
    assert.ok(canMove('open', 'closed'));
    assert.ok(canMove('closed', 'answered'));
    assert.ok(canMove('open', 'answered'));
    assert.ok(!canMove('draft', 'open'), 'no publishing before the proposer confirms and a moderator approves');
    assert.ok(!canMove('rejected', 'open'));
    assert.ok(!canMove('answered', 'closed'));
    assert.ok(!canMove('closed', 'open'));
  });

  it('compares e-mail addresses in canonical form', () => {
    const same = ['anna.svensson@gmail.com', 'Anna.Svensson@Gmail.com', 'annasvensson@gmail.com', 'anna.svensson+forslag@gmail.com', ' a.n.n.a.svensson@googlemail.com '];
    for (const e of same) assert.equal(canonicalEmail(e), 'annasvensson@gmail.com', e);
    assert.equal(canonicalEmail('Anna.Svensson+x@Kommun.se'), 'anna.svensson@kommun.se', 'dots matter outside Gmail');
    assert.notEqual(canonicalEmail('anna.svensson@kommun.se'), canonicalEmail('annasvensson@kommun.se'));
  });

  it('sets the threshold as a number or as a share of the population', () => {
    assert.equal(thresholdCount({ kind: 'count', count: 500 }), 500);
    assert.equal(thresholdCount({ kind: 'share', percent: 1, population: 43_210 }), 433);
  });

  it('closes an opened petition the same day some months later', () => {
    assert.equal(closingDate(new Date('2026-01-15T10:00:00Z'), 6).toISOString(), '2026-07-15T10:00:00.000Z');
    assert.equal(closingDate(new Date('2026-08-31T10:00:00Z'), 6).toISOString(), '2027-02-28T10:00:00.000Z');
    assert.equal(closingDate(new Date('2027-11-30T00:00:00Z'), 3).toISOString(), '2028-02-29T00:00:00.000Z');
    assert.equal(daysLeft(new Date('2026-07-15T10:00:00Z'), new Date('2026-07-13T09:00:00Z')), 2);
    assert.equal(daysLeft(new Date('2026-07-15T10:00:00Z'), new Date('2026-07-16T09:00:00Z')), 0);
  });
});
