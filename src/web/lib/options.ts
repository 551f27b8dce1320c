/** A choice in a select or combo box: `id` is what is stored, `label` what a person reads. */
export interface Option {
  id: string;
  label: string;
}
