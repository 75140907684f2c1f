import { describe, expect, it } from 'vitest';
import { contract, importRoles, methodNames, type MethodName, type Role } from '../../shared/contract';

const rolesOf = (method: MethodName): readonly Role[] => contract[method].roles;

describe('who may call what follows the rules of the team', () => {
  it('a Viewer changes nothing and does not read the audit log', () => {
    const viewerMay = methodNames.filter((m) => rolesOf(m).includes('viewer'));
    expect(viewerMay.filter((m) => contract[m].mutates)).toEqual([]);
    expect(viewerMay).not.toContain('listAudit');
    expect(viewerMay).not.toContain('exportAudit');
    // …but reads every screen and export.
    for (const m of ['networkDashboard', 'hubDashboard', 'schoolDashboard', 'listFunding', 'getHubFunding', 'spendNetwork', 'exportHubWorkbook', 'startNetworkExport'] as const) {
      expect(rolesOf(m)).toContain('viewer');
    }
  });

  it('claims, plans, carry forward, locks and spend categories are Finance’s alone', () => {
    for (const m of ['createClaim', 'updateClaim', 'deleteClaim', 'reverseClaimPayment', 'addPlanLine', 'updatePlanLine', 'deletePlanLine', 'commitPlanImport', 'setCarryForward', 'lockFunding', 'unlockFunding', 'approveFundingDifference', 'addSpendCategory', 'renameSpendCategory', 'retireSpendCategory'] as const) {
      expect(rolesOf(m), m).toEqual(['finance']);
    }
  });

  it('records, merges, calls and every import are the Memberships Manager’s; funding is seen, not changed', () => {
    for (const m of ['updateSchool', 'addMembership', 'updateMembership', 'createHub', 'scheduleReview', 'bookReviewer', 'addTraining', 'addMeeting', 'addSupportRequest', 'recordCall', 'mergeSchools', 'mergeHubs', 'commitRollImport', 'commitOfstedImport', 'commitQaImport', 'commitGiasImport', 'undoLastChange'] as const) {
      expect(rolesOf(m), m).toEqual(['memberships_manager']);
    }
    expect(rolesOf('listFunding')).toContain('memberships_manager');
    // undoImportBatch is both roles' at the door; its handler lets each undo only the kinds they import.
    const fundingChanges = methodNames.filter((m) => m !== 'undoImportBatch' && contract[m].mutates && rolesOf(m).includes('finance'));
    expect(fundingChanges.filter((m) => rolesOf(m).includes('memberships_manager'))).toEqual([]);
  });

  it('an import is undone by whoever may import its kind: an action plan by Finance, every other kind by a Memberships Manager', () => {
    expect(rolesOf('undoImportBatch')).toEqual(['memberships_manager', 'finance']);
    expect(importRoles('plan')).toEqual(['finance']);
    for (const kind of ['roll', 'qa', 'ofsted', 'gias']) expect(importRoles(kind), kind).toEqual(['memberships_manager']);
  });

  it('backups, restore and people are the Administrator’s', () => {
    for (const m of ['listBackups', 'createBackup', 'restoreBackup', 'loadDemo'] as const) expect(rolesOf(m), m).toEqual(['administrator']);
  });
});
