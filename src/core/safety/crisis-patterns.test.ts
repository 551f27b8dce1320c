import { describe, expect, it } from 'vitest';
import { CRISIS_CASES } from './crisis-cases.ts';
import { normalise, PARTNER_DANGER_RULES, SELF_HARM_RULES, type Rule } from './crisis-patterns.ts';

/**
 * A rule only runs when one of its anchors occurs in the text, so each rule's anchors must occur in
 * everything the rule can match. Checked here against every phrase in the shared case lists, with
 * the anchor required inside the matched span itself (not just somewhere in the text).
 */
const corpus = CRISIS_CASES.map((c) => normalise(c.text));

function anchorCheck(name: string, rules: readonly Rule[]) {
  describe(`${name} rules`, () => {
    it('use anchors of lower-case words only (they are put into a regex as they are)', () => {
      for (const rule of rules) for (const a of rule.anchors) expect(a).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    });

    rules.forEach((rule, i) => {
      const anchored = new RegExp(`\\b(?:${rule.anchors.join('|')})`);
      const re = new RegExp(rule.re.source, 'g');
      it(`rule ${i} (${rule.re.source.slice(0, 50)}…) contains an anchor in every match and matches some case`, () => {
        let matched = 0;
        for (const text of corpus) {
          for (const m of text.matchAll(re)) {
            matched++;
            expect(anchored.test(` ${m[0]} `), `"${m[0]}" in "${text}" has none of ${rule.anchors.join(', ')}`).toBe(true);
          }
        }
        expect(matched, 'no case phrase exercises this rule; add one to crisis-cases.ts').toBeGreaterThan(0);
      });
    });
  });
}

anchorCheck('self-harm', SELF_HARM_RULES);
anchorCheck('partner-danger', PARTNER_DANGER_RULES);
