package org.trainset.inspect.review;

import java.util.List;

/**
 * One review of one item at one stage (a line of a review-record JSONL file).
 *
 * @param item     the reviewed item's id
 * @param worker   who made the annotation
 * @param reviewer who reviewed it
 * @param stage    the workflow stage ({@code peer}, {@code manager}, {@code final}, …)
 * @param verdict  {@code accept} or {@code reject}
 * @param errors   error codes found, each with its severity
 * @param lot      the lot (batch) the item was submitted in, or null
 * @param lotSize  how many items that lot holds, or 0 when not given
 * @param answer   the worker's answer, compared with the gold answer on honeypot items; or null
 */
public record ReviewRecord(String item, String worker, String reviewer, String stage, String verdict,
                           List<ErrorMark> errors, String lot, long lotSize, String answer) {
  public ReviewRecord {
    errors = List.copyOf(errors);
  }

  /** One error code a reviewer marked. */
  public record ErrorMark(String code, ErrorSeverity severity) { }

  public boolean rejected() {
    return "reject".equals(verdict);
  }
}
