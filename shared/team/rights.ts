// Who may do what on the team server, in one table per action so a new role or kind is a
// compile error until it is decided here.
import type { EventKind } from './events';
import type { ImportRights } from './importOps';
import type { Role } from './protocol';

/**
 * Which roles may push each kind of event. Compliance is read-only on cases: it leaves only the
 * traces of its own reading (report snapshots and export-log entries). A laptop must not let a
 * role record what it may not push, since a refused event blocks the rest of that device's chain.
 */
export const MAY_PUSH: Record<EventKind, readonly Role[]> = {
  decision: ['admin', 'lead', 'analyst'],
  'ring-verdict': ['admin', 'lead', 'analyst'],
  note: ['admin', 'lead', 'analyst'],
  'link-override': ['admin', 'lead', 'analyst'],
  'dispute-status': ['admin', 'lead', 'analyst'],
  'evidence-change': ['admin', 'lead', 'analyst'],
  attachment: ['admin', 'lead', 'analyst'],
  'scoring-matrix': ['admin', 'lead', 'analyst'],
  'report-snapshot': ['admin', 'lead', 'analyst', 'compliance'],
  'export-log': ['admin', 'lead', 'analyst', 'compliance'],
  // Erasing personal data on request is case work; it blanks text beside events, never the events.
  erasure: ['admin', 'lead', 'analyst'],
  // Settling what analysts decided differently is a lead's call.
  resolution: ['admin', 'lead'],
};

export function mayPush(role: Role, kind: EventKind): boolean {
  return MAY_PUSH[kind].includes(role);
}

/** Claiming a case is case work: not for compliance. */
export function mayClaim(role: Role): boolean {
  return role !== 'compliance';
}

/** Handing a case to someone else, or taking it from its holder, is a lead's call. */
export function mayReassign(role: Role): boolean {
  return role === 'lead' || role === 'admin';
}

/** The team's accounts (names, roles, active or not): a lead needs them to hand cases out. */
export function mayListAccounts(role: Role): boolean {
  return role === 'lead' || role === 'admin';
}

/** Disabling and enabling accounts is an admin's. */
export function mayManageAccounts(role: Role): boolean {
  return role === 'admin';
}

/** Deciding which of the team's conflicting decisions on an order stands. */
export function mayResolve(role: Role): boolean {
  return mayPush(role, 'resolution');
}

export function mayChangeSettings(role: Role): boolean {
  return role === 'admin';
}

/** Importing a file for the whole team: the roles the team's settings name, never compliance (it reads only). */
export function mayImportForTeam(role: Role, rights: ImportRights): boolean {
  return role !== 'compliance' && rights.importRoles.includes(role);
}

/** Undoing a team import, for every laptop: the roles the team's settings name, never compliance. */
export function mayUndoTeamImport(role: Role, rights: ImportRights): boolean {
  return role !== 'compliance' && rights.undoImportRoles.includes(role);
}

/** Who a team setting lets do something, in words: "only admin and lead accounts may", "no account may". */
export function whoMay(roles: readonly Role[]): string {
  if (roles.length === 0) return 'no account may';
  const named = roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}`;
  return `only ${named} accounts may`;
}

/**
 * Whether this laptop offers "Undo for the team" on a team import, or why not (words that follow
 * "it is a team import:"): the session's role against the team's settings, as the server checks them.
 */
export function teamImportUndoOffer(session: { role: Role; rights: ImportRights } | null): { offered: true } | { offered: false; why: string } {
  if (!session) return { offered: false, why: 'sign in to the team to undo it for everyone' };
  if (mayUndoTeamImport(session.role, session.rights)) return { offered: true };
  return { offered: false, why: `${whoMay(session.rights.undoImportRoles)} undo a team import` };
}
