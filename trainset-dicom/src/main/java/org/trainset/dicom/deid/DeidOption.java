package org.trainset.dicom.deid;

/**
 * The options of the Basic Profile, one per option column of PS3.15 Table E.1-1, with the CID 7050
 * code recorded in De-identification Method Code Sequence. Clean Pixel Data and Clean Recognizable
 * Visual Features have no column (they act on pixels) and are not offered.
 */
public enum DeidOption {
  RETAIN_SAFE_PRIVATE("safePrivate", "113111", "Retain Safe Private Option"),
  RETAIN_UIDS("uids", "113110", "Retain UIDs Option"),
  RETAIN_DEVICE_IDENTITY("device", "113109", "Retain Device Identity Option"),
  RETAIN_INSTITUTION_IDENTITY("institution", "113112", "Retain Institution Identity Option"),
  RETAIN_PATIENT_CHARACTERISTICS("patientChars", "113108", "Retain Patient Characteristics Option"),
  RETAIN_FULL_DATES("fullDates", "113106", "Retain Longitudinal Temporal Information Full Dates Option"),
  RETAIN_MODIFIED_DATES("modifiedDates", "113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
  CLEAN_DESCRIPTORS("cleanDesc", "113105", "Clean Descriptors Option"),
  CLEAN_STRUCTURED_CONTENT("cleanStruct", "113104", "Clean Structured Content Option"),
  CLEAN_GRAPHICS("cleanGraph", "113103", "Clean Graphics Option");

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
