import { useEffect, useId, useRef, useState } from 'react';
import { Button, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { Analysis, CoachContext } from '../../../core/coach';
import { t, type MessageKey } from '../../lib/i18n';
import { SafetyPanel } from '../reflect/SafetyPanel';

/**
 * A text area with the I-statement coach reading along as one types. The coach (src/core/coach)
 * is loaded with a dynamic import the first time this component mounts, so pages without it never
 * download it, and it runs here in the browser: nothing typed is sent anywhere by this component.
 *
 * Props (stable — other areas, e.g. structured conversations and the apology builder, use them):
 *  - `value`, `onChange(value)`: controlled text, like a React Aria TextField.
 *  - `context`: 'message' (default) or 'apology' — apologies are also checked for excuses
 *    ("sorry, but…", "sorry if you…").
 *  - `label`: the visible label of the text area (required, for accessibility).
 *  - `description`: an optional hint under the label.
 * Optional extras: `name` (form field name), `rows` (default 5), `maxLength` (default 5,000, the
 * API limit), `debounceMs` (default 300), `isRequired`, `autoFocus`.
 *
 * Findings are listed below the field, each with its kind, the words quoted and a plain
 * explanation; a suggested rewrite can be accepted with "Use this wording" (it replaces the text
 * through `onChange`) or ignored. If the text suggests a crisis, the crisis resources panel
 * appears. A polite live region announces only how many findings there are, once typing pauses.
 */
export interface CoachedTextProps {
  value: string;
  onChange: (value: string) => void;
  context?: CoachContext;
  label: string;
  description?: string;
  name?: string;
  rows?: number;
  maxLength?: number;
  debounceMs?: number;
  isRequired?: boolean;
  autoFocus?: boolean;
}

type Analyze = (text: string, context?: CoachContext) => Analysis;
let coachModule: Promise<Analyze> | undefined;
function loadCoach(): Promise<Analyze> {
  coachModule ??= import('../../../core/coach').then((m) => m.analyze);
  return coachModule;
}

export function CoachedText({ value, onChange, context = 'message', label, description, name, rows = 5, maxLength = 5000, debounceMs = 300, isRequired, autoFocus }: CoachedTextProps) {
  const id = useId();
  const [analyzeFn, setAnalyzeFn] = useState<Analyze | null>(null);
  const [failed, setFailed] = useState(false);
  const [analysis, setAnalysis] = useState<{ text: string; result: Analysis } | null>(null);
  const [used, setUsed] = useState(false);
  const lastSuggestion = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    loadCoach().then(
      (fn) => live && setAnalyzeFn(() => fn),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!analyzeFn) return;
    if (value.trim() === '') {
      setAnalysis(null);
      return;
    }
    const timer = setTimeout(() => setAnalysis({ text: value, result: analyzeFn(value, context) }), debounceMs);
    return () => clearTimeout(timer);
  }, [analyzeFn, value, context, debounceMs]);

  useEffect(() => {
    if (value !== lastSuggestion.current) setUsed(false);
  }, [value]);

  const result = analysis?.result;
  const findings = result?.findings ?? [];
  const summary = !result ? '' : findings.length === 0 ? t('coach.noFindings') : findings.length === 1 ? t('coach.findingsOne') : t('coach.findingsCount', { count: findings.length });

  function acceptSuggestion(s: string) {
    lastSuggestion.current = s;
    setUsed(true);
    onChange(s);
  }

  return (
    <div className="coached-text">
      <TextField name={name} value={value} onChange={onChange} maxLength={maxLength} isRequired={isRequired} autoFocus={autoFocus} className="field">
        <Label className="label">{label}</Label>
        <TextArea className="input textarea" rows={rows} aria-describedby={result ? `${id}-summary` : undefined} />
        {description && (
          <Text slot="description" className="hint">
            {description}
          </Text>
        )}
      </TextField>

      <p id={`${id}-summary`} className="hint coach-summary" aria-live="polite">
        {failed ? t('coach.unavailable') : used ? `${t('coach.suggestionUsed')} ${summary}` : summary}
      </p>

      {result && findings.length > 0 && analysis && (
        <section className="coach-findings" aria-labelledby={`${id}-findings`}>
          <h3 id={`${id}-findings`}>{t('coach.findingsHeading')}</h3>
          <ul>
            {findings.map((f) => (
              <li key={`${f.kind}-${f.start}`} className="coach-finding">
                <p>
                  <strong>{t(`coach.kind.${f.kind}` as MessageKey)}</strong> — <q className="coach-quote">{analysis.text.slice(f.start, f.end)}</q>
                </p>
                <p className="hint">{f.message}</p>
              </li>
            ))}
          </ul>
          {result.suggestion && (
            <div className="coach-suggestion">
              <h3 id={`${id}-suggestion`}>{t('coach.suggestionHeading')}</h3>
              <p className="coach-suggestion-text">{result.suggestion}</p>
              <p className="hint">{t('coach.suggestionHint')}</p>
              <Button className="button button-secondary" onPress={() => acceptSuggestion(result.suggestion!)} aria-describedby={`${id}-suggestion`}>
                {t('coach.useSuggestion')}
              </Button>
            </div>
          )}
        </section>
      )}

      {result?.crisis && <SafetyPanel screening={{ selfHarm: result.crisis === 'self_harm', partnerDanger: result.crisis === 'partner_danger' }} headingLevel={3} />}
    </div>
  );
}
