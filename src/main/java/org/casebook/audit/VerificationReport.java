package org.casebook.audit;

import java.util.List;

/**
 * What {@link AuditLog#verify()} found.
 *
 * @param entries how many entries were read
 * @param headHash the hash the head row holds (64 zeros for an empty log)
 * @param problems the problems found in seq order, at most {@link AuditLog#MAX_PROBLEMS_LISTED}
 * @param problemsNotListed how many further problems were found but not listed
 */
public record VerificationReport(
    long entries, String headHash, List<AuditProblem> problems, long problemsNotListed) {

  public VerificationReport {
    problems = List.copyOf(problems);
  }

  /** True when no problem was found. */
  public boolean intact() {
    return problems.isEmpty() && problemsNotListed == 0;
  }

  /** One line for people: the entry count and head when intact, else the number of problems. */
  public String summary() {
    if (intact()) {
      return "audit log intact: " + entries + " entries, head " + headHash;
    }
    long total = problems.size() + problemsNotListed;
    return "audit log NOT intact: "
        + total
        + " problem"
        + (total == 1 ? "" : "s")
        + " in "
        + entries
        + " entries";
  }
}
