// The team's views other screens show: Settings → Team, Review's teammates and conflicts, the
// sync line, the idle lock, and the sync loop the app runs.
export { TeamPanel } from './TeamPanel';
export { TeammatesOnOrder } from './TeamOnOrder';
export { TeamConflicts } from './TeamConflicts';
export { TeamSyncLine } from './TeamSyncLine';
export { IdleLock, useIdleLocked } from './IdleLock';
export { useTeam, useTeamSyncLoop } from './useTeamStatus';
export { DeviceChainVerdict } from './DeviceChainVerdict';
export { CaseClaimBar } from './CaseClaimBar';
export { ClaimMarker } from './ClaimMarker';
export { TeammatesNotes, TeammatesOnDispute, TeamOverridesPanel } from './TeamRecords';
