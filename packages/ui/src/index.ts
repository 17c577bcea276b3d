export { cn } from "./cn";
export { Button, type ButtonProps } from "./button";
export { Field, type FieldProps } from "./field";
export { Checkbox, fieldId, FileInput, RadioGroup, Select, TextArea } from "./controls";
export { Alert } from "./alert";
export { Card, CardHeader, Badge } from "./card";
export { TableHead, TableScroll } from "./table";
export { ConfirmDialog, ConfirmForm, useHydrated, type ConfirmFormProps } from "./confirm-form";
export { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu";
