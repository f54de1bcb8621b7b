// Who counts as exam staff: they may read anyone's results and analyses.
export function hasStaffRole(roles: readonly string[]) {
  return roles.includes("TRAINER") || roles.includes("HR");
}
