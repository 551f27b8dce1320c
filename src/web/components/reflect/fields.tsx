import { useId, type ReactNode } from 'react';
import {
  Checkbox,
  CheckboxGroup,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { t } from '../../lib/i18n';
import type { Option } from '../../lib/options';

/*
 * The Reflect forms' controls, on the same pattern as components/fields.tsx: each wires its
 * label, hint and error to the control, and takes its error from the surrounding
 * <Form validationErrors> by `name`.
 */

/** A titled part of a long form: a heading, a short hint in our own words, then its fields. */
export function FormSection({ id, heading, hint, children }: { id: string; heading: string; hint?: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {hint && <p className="hint section-hint">{hint}</p>}
      <div className="form-section-fields">{children}</div>
    </section>
  );
}

export function TextAreaField({
  name,
  label,
  description,
  value,
  onChange,
  maxLength = 10_000,
  rows = 4,
  isRequired,
  autoFocus,
}: {
  name: string;
  label: ReactNode;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  rows?: number;
  isRequired?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <TextField name={name} value={value} onChange={onChange} maxLength={maxLength} isRequired={isRequired} autoFocus={autoFocus} className="field">
      <Label className="label">{label}</Label>
      <TextArea className="input textarea" rows={rows} />
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
    </TextField>
  );
}

/** A one-line text field (components/fields.tsx's TextInput, with a length limit and no autocomplete). */
export function ShortTextField({
  name,
  label,
  description,
  value,
  onChange,
  maxLength = 500,
  type = 'text',
  isRequired,
}: {
  name: string;
  label: ReactNode;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  type?: 'text' | 'search' | 'date' | 'datetime-local' | 'number';
  isRequired?: boolean;
}) {
  return (
    <TextField name={name} value={value} onChange={onChange} maxLength={type === 'text' || type === 'search' ? maxLength : undefined} type={type} isRequired={isRequired} className="field">
      <Label className="label">{label}</Label>
      <Input className="input" autoComplete="off" />
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
    </TextField>
  );
}

/** Several choices as checkboxes in a labelled group (body cues, feelings). */
export function CheckboxGroupField<T extends string>({
  name,
  label,
  description,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  description?: string;
  options: ReadonlyArray<{ id: T; label: string }>;
  value: readonly T[];
  onChange: (value: T[]) => void;
}) {
  return (
    <CheckboxGroup name={name} value={[...value]} onChange={(next) => onChange(next as T[])} className="field choice-group">
      <Label className="label">{label}</Label>
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <div className="chips">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="chip">
            <span className="checkbox-box" aria-hidden="true" />
            <span>{option.label}</span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}

/** One choice of a few (tone, yes/no). '' means nothing chosen yet. */
export function RadioGroupField<T extends string>({
  name,
  label,
  description,
  options,
  value,
  onChange,
  orientation = 'vertical',
}: {
  name: string;
  label: string;
  description?: string;
  options: ReadonlyArray<Option & { id: T }>;
  value: T | '';
  onChange: (value: T) => void;
  orientation?: 'vertical' | 'horizontal';
}) {
  return (
    <RadioGroup
      name={name}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next as T)}
      orientation={orientation}
      className={orientation === 'horizontal' ? 'field choice-group choice-row' : 'field choice-group'}
    >
      <Label className="label">{label}</Label>
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <div className="chips">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="chip radio">
            <span className="radio-dot" aria-hidden="true" />
            <span>{option.label}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}

/**
 * A 0–100 rating on a native range input (arrow keys, Page Up/Down, Home/End all work). It
 * starts "not rated" (`null`) so an untouched slider never saves a number nobody chose.
 * Errors come in through `error` because the native input isn't a React Aria field.
 */
export function IntensityField({
  name,
  label,
  value,
  onChange,
  error,
  description = t('reflect.intensity.scale'),
  clearable = true,
}: {
  name: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  description?: string;
  clearable?: boolean;
}) {
  const id = useId();
  const shown = value === null ? t('reflect.intensity.notSet') : t('reflect.intensity.value', { value });
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field intensity">
      <label className="label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <div className="intensity-row">
        <input
          id={`${id}-input`}
          name={name}
          type="range"
          min={0}
          max={100}
          step={1}
          className={value === null ? 'range range-unset' : 'range'}
          value={value ?? 50}
          aria-valuetext={shown}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(Number(event.currentTarget.value))}
        />
        <output htmlFor={`${id}-input`} className="intensity-value" aria-hidden="true">
          {shown}
        </output>
      </div>
      <span id={`${id}-hint`} className="hint">
        {description}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
      {clearable && value !== null && (
        <button
          type="button"
          className="link-button intensity-clear"
          onClick={() => {
            onChange(null);
            // This button goes away with the rating: keep focus on the slider, not the page.
            document.getElementById(`${id}-input`)?.focus();
          }}
        >
          {t('reflect.intensity.clear')}
        </button>
      )}
    </div>
  );
}
