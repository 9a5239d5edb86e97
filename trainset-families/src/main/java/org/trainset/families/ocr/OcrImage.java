package org.trainset.families.ocr;

import java.io.Serializable;
import java.util.Map;

/** One row of the {@code images} table: enough to build an item without re-reading it. */
record OcrImage(String id, String fileName, Integer width, Integer height, Map<String, Object> extra)
    implements Serializable {}
