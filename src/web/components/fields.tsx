import type { ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Collection,
  FieldError,
  Header,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Popover,
  Select,
  SelectValue,
  Text,
  TextField,
  type Key,
} from 'react-aria-components';
import type { Option } from '../lib/options';
import type { OptionGroup } from '../lib/time-zones';

/*
 * Form controls built on React Aria: each wires its label, hint and error message to the input
 * (aria-describedby, aria-invalid). Errors come from the surrounding <Form validationErrors>,
 * matched by `name`, and clear as soon as the person edits the field.
 */

interface TextInputProps {
  name: string;
  label: string;
  description?: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  maxLength?: number;
  isRequired?: boolean;
  autoFocus?: boolean;
  pattern?: string;
  spellCheck?: 'true' | 'false';
  autoCapitalize?: 'off' | 'none' | 'sentences';
}

export function TextInput({ label, description, spellCheck, autoCapitalize, pattern, ...props }: TextInputProps) {
  return (
    <TextField {...props} className="field">
      <Label className="label">{label}</Label>
      <Input className="input" spellCheck={spellCheck} autoCapitalize={autoCapitalize} pattern={pattern} />
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
    </TextField>
  );
}

export function CheckboxField({
  name,
  isSelected,
  onChange,
  children,
}: {
  name: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Checkbox name={name} isSelected={isSelected} onChange={onChange} className="checkbox">
      <span className="checkbox-box" aria-hidden="true" />
      <span>{children}</span>
    </Checkbox>
  );
}

export type { Option };

export function SelectField({
  name,
  label,
  description,
  placeholder,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  description?: string;
  /** Shown while nothing is chosen yet (`value` null). */
  placeholder?: string;
  options: Option[];
  value: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <Select
      name={name}
      value={value}
      placeholder={placeholder}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      className="field"
    >
      <Label className="label">{label}</Label>
      <Button className="input select-trigger">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="chevron" />
      </Button>
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="option" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A select whose options come in labelled groups (e.g. time zones by region). */
export function GroupedSelectField({
  name,
  label,
  description,
  placeholder,
  groups,
  value,
  valueLabel,
  onChange,
}: {
  name: string;
  label: string;
  description?: string;
  placeholder: string;
  groups: OptionGroup[];
  value: string | null;
  /** What the closed select shows for `value` (defaults to the option's own label). */
  valueLabel?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Select
      name={name}
      value={value}
      placeholder={placeholder}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      className="field"
    >
      <Label className="label">{label}</Label>
      <Button className="input select-trigger">
        <SelectValue className="select-value">
          {({ isPlaceholder, defaultChildren }) => (isPlaceholder || !valueLabel ? defaultChildren : valueLabel)}
        </SelectValue>
        <span aria-hidden="true" className="chevron" />
      </Button>
      {description && (
        <Text slot="description" className="hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
      <Popover className="popover">
        <ListBox className="listbox" items={groups}>
          {(group) => (
            <ListBoxSection id={group.id} className="listbox-section">
              <Header className="listbox-header">{group.label}</Header>
              <Collection items={group.options}>
                {(option) => (
                  <ListBoxItem id={option.id} className="option" textValue={option.label}>
                    {option.label}
                  </ListBoxItem>
                )}
              </Collection>
            </ListBoxSection>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/**
 * The form's main action. While pending it says so in its label and stays focusable (a disabled
 * button would drop keyboard focus); useAsyncForm ignores repeated submits meanwhile.
 * (React Aria's `isPending` is not used: its announcement outlives the page and trips axe.)
 */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  variant = 'primary',
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: string;
  variant?: 'primary' | 'danger';
}) {
  return (
    <Button type="submit" className={variant === 'danger' ? 'button button-danger' : 'button'}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
