package org.trainset.dicom.deid;

import java.util.Map;

/** What a run did: files written, files skipped (not DICOM), bytes, and changes per action. */
public record DeidSummary(String profile, java.util.List<String> options, int files, int skipped,
                          long bytesIn, long bytesOut, Map<String, Integer> actions) {}
