import { listAuditEventsSpec } from "./audit";
import { addDomainSpec, listDomainsSpec, removeDomainSpec, updateDomainSpec, verifyDomainSpec } from "./domains";
import { changeRoleSpec, inviteMemberSpec, listMembersSpec, removeMemberSpec } from "./members";
import { listOrganizations } from "./organizations";
import { getSecuritySettingsSpec, putSecuritySettingsSpec } from "./security";
import { createScimTokenSpec, listScimTokensSpec, revokeScimTokenSpec } from "./scim";
import {
  createConnectionSpec,
  deleteConnectionSpec,
  deleteDefaultSso,
  getConnectionSpec,
  getDefaultSso,
  listConnectionsSpec,
  putConnectionSpec,
  putDefaultSso,
  testConnectionSpec,
  testDefaultSso,
} from "./sso";

/** Every operation of the public API, in the order the reference lists them. */
export const API_SPECS = [
  listOrganizations,
  getDefaultSso,
  putDefaultSso,
  deleteDefaultSso,
  testDefaultSso,
  listConnectionsSpec,
  createConnectionSpec,
  getConnectionSpec,
  putConnectionSpec,
  deleteConnectionSpec,
  testConnectionSpec,
  listDomainsSpec,
  addDomainSpec,
  verifyDomainSpec,
  updateDomainSpec,
  removeDomainSpec,
  listMembersSpec,
  inviteMemberSpec,
  changeRoleSpec,
  removeMemberSpec,
  getSecuritySettingsSpec,
  putSecuritySettingsSpec,
  listScimTokensSpec,
  createScimTokenSpec,
  revokeScimTokenSpec,
  listAuditEventsSpec,
];
