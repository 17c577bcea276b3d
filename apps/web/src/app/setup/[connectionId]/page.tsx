// The setup link opens the console's own wizard pages; only their base path differs.
export { default, metadata } from "../../(console)/settings/security/[connectionId]/page";
