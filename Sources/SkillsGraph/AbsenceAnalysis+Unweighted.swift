extension AbsenceAnalysis {
  /// `Σ uncovered days` over the roles: role-days each counted once, whatever the role's
  /// weight, so a report can print it beside the weighted ``uncoveredRoleDays``.
  ///
  /// A sum over roles, so it can exceed the horizon's working days when several roles stop on
  /// the same day.
  public var uncoveredDayCount: Int { roles.reduce(0) { $0 + $1.uncoveredDayCount } }

  /// `Σ expected uncovered days a year` over the roles, unweighted.
  ///
  /// Each role's figure is at most ``workingDaysPerYear``; the sum over many roles is not, which
  /// is why reports say it is a sum over roles.
  public var expectedUncoveredDaysPerYear: Double {
    roles.reduce(0) { $0 + $1.expectedUncoveredDaysPerYear }
  }
}
