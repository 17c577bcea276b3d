import type { MemberRole } from "@gatehouse/db";

export type RoleChangeInput = {
  actorIsAdmin: boolean;
  targetRole: MemberRole;
  newRole: MemberRole;
  adminCount: number;
};

/** Whether a role change is allowed: admins only, and an account always keeps one admin. */
export function decideRoleChange(input: RoleChangeInput): { allowed: true } | { allowed: false; reason: string } {
  if (!input.actorIsAdmin) return { allowed: false, reason: "Only account admins can change roles." };
  if (input.targetRole === "admin" && input.newRole !== "admin" && input.adminCount <= 1) {
    return { allowed: false, reason: "This is the last admin of the account. Make another member an admin first." };
  }
  return { allowed: true };
}

export type RemovalInput = { actorIsAdmin: boolean; targetRole: MemberRole; adminCount: number };

/** Whether a member may be removed: admins only, and never the last admin. */
export function decideMemberRemoval(input: RemovalInput): { allowed: true } | { allowed: false; reason: string } {
  if (!input.actorIsAdmin) return { allowed: false, reason: "Only account admins can remove members." };
  if (input.targetRole === "admin" && input.adminCount <= 1) {
    return { allowed: false, reason: "This is the last admin of the account. Make another member an admin first." };
  }
  return { allowed: true };
}

export { ROLE_LABELS } from "./limits";

/**
 * An admin who makes themselves a Member loses the console with the next click: that change, and
 * only that one, needs the person's explicit yes (a dialog, or a checkbox without JavaScript).
 */
export function isSelfDemotion(input: { actorUserId: string | null; targetUserId: string; newRole: "admin" | "member" }): boolean {
  return input.actorUserId === input.targetUserId && input.newRole === "member";
}
