import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, type Key } from 'react-aria-components';
import type { Option } from '../../lib/options';

/**
 * components/fields.tsx's SelectField with a placeholder, for a choice nobody has made yet (the
 * state a client will be in). Its error comes from the surrounding <Form validationErrors>.
 */
export function CareSelect({
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
  placeholder: string;
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
