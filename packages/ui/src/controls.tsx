import type { ChangeEvent, ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

// Form controls beside Field (textarea, select, checkbox, radio group, file), wired like it:
// label, hint and error announced together.

const inputRing = (error?: string) => (error ? "ring-red-400 focus:ring-red-500" : "ring-slate-300 focus:ring-indigo-600");

export const fieldId = (name: string) => `field-${name.replace(/\./g, "-")}`;

function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

type Labelled = { label: string; name: string; error?: string; hint?: ReactNode };

export function TextArea({ label, name, error, hint, className, ...props }: Labelled & Omit<ComponentProps<"textarea">, "name">) {
  const id = fieldId(name);
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(
          "block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset",
          inputRing(error),
        )}
        {...props}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function Select({
  label,
  name,
  error,
  hint,
  options,
  className,
  id: givenId,
  ...props
}: Labelled & { options: ReadonlyArray<{ value: string; label: string }> } & Omit<ComponentProps<"select">, "name">) {
  // An explicit id when one page has two forms with the same field names.
  const id = givenId ?? fieldId(name);
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn("block w-full rounded-md border-0 py-2 pl-3 pr-8 text-sm text-slate-900 ring-1 ring-inset focus:ring-2", inputRing(error))}
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function Checkbox({
  label,
  name,
  error,
  hint,
  className,
  id: givenId,
  ...props
}: Omit<Labelled, "name"> & { name?: string } & Omit<ComponentProps<"input">, "name" | "type">) {
  const id = givenId ?? fieldId(name ?? label);
  return (
    <div className={cn("flex items-start gap-2", className)}>
      <input
        id={id}
        name={name}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
        {...props}
      />
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <HintAndError id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}

/** A radio group; `inputProps` spreads onto every radio (react-hook-form's register). */
export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  error,
  hint,
  inputProps,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string; hint?: ReactNode }>;
  defaultValue: string;
  error?: string;
  hint?: ReactNode;
  inputProps?: Omit<ComponentProps<"input">, "type" | "value" | "id">;
}) {
  const id = fieldId(name);
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(id, hint, error)}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="space-y-2">
        {options.map((o) => (
          <div key={o.value} className="flex items-start gap-2">
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              className="mt-0.5 h-4 w-4 border-slate-300 text-indigo-600 focus:ring-indigo-600"
              {...inputProps}
            />
            {/* The hint stays outside the label so the option's accessible name is just its label. */}
            <div>
              <label htmlFor={`${id}-${o.value}`} className="block text-sm text-slate-800">
                {o.label}
              </label>
              {o.hint ? (
                <p id={`${id}-${o.value}-hint`} className="text-xs text-slate-500">
                  {o.hint}
                </p>
              ) : null}
            </div>
          </div>
        ))}
      </div>
      <HintAndError id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/**
 * A labelled file input. Without `name` nothing is posted: the wizard reads the file into a text
 * field, which is what gets posted. With it (the logo), the file itself is uploaded.
 */
export function FileInput({
  id,
  label,
  accept,
  error,
  hint,
  name,
  onChange,
}: {
  id: string;
  label: string;
  accept: string;
  error?: string;
  hint?: ReactNode;
  name?: string;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void | Promise<void>;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        onChange={onChange ? (e) => void onChange(e) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
