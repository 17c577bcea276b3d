import type { FieldValues, UseFormRegister, UseFormSetValue } from "react-hook-form";

/** What each section of the Configure SSO form needs from the form that holds it. */
export type FormKit = {
  register: UseFormRegister<FieldValues>;
  setValue: UseFormSetValue<FieldValues>;
  /** The client-side message for a field, else the server's (keys like "attributeMapping.email"). */
  errorOf: (name: string) => string | undefined;
  /** The value to start from: what was posted before an error, else the saved or default one. */
  initial: (name: string) => string;
  initialChecked: (name: string) => boolean;
  /** Everything a text field or select needs for one form key: id, start value, error, registration. */
  field: (name: string) => { id: string; defaultValue: string; error: string | undefined } & ReturnType<UseFormRegister<FieldValues>>;
  /** True once JavaScript runs: hiding and disabling only happen then. */
  hydrated: boolean;
};
