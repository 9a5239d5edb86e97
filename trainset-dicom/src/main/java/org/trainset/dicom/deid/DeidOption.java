package org.trainset.dicom.deid;

/**
 * Options of the Basic Profile that trainset implements (PS3.15 Table E.1-1 columns), with the
 * CID 7050 code recorded in De-identification Method Code Sequence. The Clean options are not
 * offered: cleaning free text and graphics needs review that a rule table cannot do.
 */
public enum DeidOption {
  RETAIN_UIDS("uids", "113110", "Retain UIDs Option"),
  RETAIN_DEVICE_IDENTITY("device", "113109", "Retain Device Identity Option"),
  RETAIN_INSTITUTION_IDENTITY("institution", "113112", "Retain Institution Identity Option"),
  RETAIN_PATIENT_CHARACTERISTICS("patientChars", "113108", "Retain Patient Characteristics Option"),
  RETAIN_FULL_DATES("fullDates", "113106", "Retain Longitudinal Temporal Information Full Dates Option"),
  RETAIN_MODIFIED_DATES("modifiedDates", "113107", "Retain Longitudinal Temporal Information Modified Dates Option");

  private final String column;
  private final String code;
  private final String meaning;

  DeidOption(String column, String code, String meaning) {
    this.column = column;
    this.code = code;
    this.meaning = meaning;
  }

  /** The column of annex-e.tsv holding this option's actions. */
  public String column() { return column; }
  public String code() { return code; }
  public String meaning() { return meaning; }
}
