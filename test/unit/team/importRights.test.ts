// Who is offered "Undo for the team": the team's settings decide, as the server checks them, and
// the laptop says who may when it does not offer it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_ROLES, DEFAULT_UNDO_IMPORT_ROLES, teamImportUndoOffer, whoMay, type ImportRights } from '../../../shared/team';

const defaults: ImportRights = { importRoles: [...DEFAULT_IMPORT_ROLES], undoImportRoles: [...DEFAULT_UNDO_IMPORT_ROLES] };

describe('teamImportUndoOffer', () => {
  it('offers the undo to leads and admins by default, not to analysts or compliance', () => {
    expect(teamImportUndoOffer({ role: 'lead', rights: defaults })).toEqual({ offered: true });
    expect(teamImportUndoOffer({ role: 'admin', rights: defaults })).toEqual({ offered: true });
    expect(teamImportUndoOffer({ role: 'analyst', rights: defaults })).toEqual({
      offered: false,
      why: 'only admin and lead accounts may undo a team import',
    });
    expect(teamImportUndoOffer({ role: 'compliance', rights: defaults })).toMatchObject({ offered: false });
  });

  it("follows the admin's setting, and never offers it to compliance", () => {
    const analystsToo: ImportRights = { ...defaults, undoImportRoles: ['admin', 'lead', 'analyst'] };
    expect(teamImportUndoOffer({ role: 'analyst', rights: analystsToo })).toEqual({ offered: true });
    expect(teamImportUndoOffer({ role: 'lead', rights: { ...defaults, undoImportRoles: ['admin'] } })).toEqual({
      offered: false,
      why: 'only admin accounts may undo a team import',
    });
    expect(teamImportUndoOffer({ role: 'admin', rights: { ...defaults, undoImportRoles: [] } })).toEqual({
      offered: false,
      why: 'no account may undo a team import',
    });
  });

  it('asks for a session when signed out: the undo must reach the server', () => {
    expect(teamImportUndoOffer(null)).toEqual({ offered: false, why: 'sign in to the team to undo it for everyone' });
  });
});

describe('whoMay', () => {
  it('names the roles a setting lets do something', () => {
    expect(whoMay(['admin', 'lead', 'analyst'])).toBe('only admin, lead and analyst accounts may');
  });
});
