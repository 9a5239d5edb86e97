package org.trainset.inspect.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.trainset.core.io.InputException;
import org.trainset.core.io.JsonLines;
import org.trainset.core.io.ParseLimits;

/**
 * Streams review records from JSONL, one object per line:
 * <pre>{"item":"img-17","worker":"w03","reviewer":"r1","stage":"peer","verdict":"reject",
 *  "errors":[{"code":"missed-object","severity":"major"}],"lot":"L-2024-07","lot_size":500}</pre>
 * Bad lines are an {@link InputException} naming file, line and the field.
 */
public final class ReviewRecords {
  private ReviewRecords() {}

  public static void read(Path file, Consumer<ReviewRecord> sink) throws IOException {
    JsonLines.forEach(file, ParseLimits.DEFAULT, (lineNo, n) -> {
      ReviewRecord r = parse(file, lineNo, n);
      try {
        sink.accept(r);
      } catch (IllegalArgumentException e) {
        // The consumer rejects a well-formed record (e.g. a stage the workflow lacks): say where.
        throw new InputException(file, lineNo, -1, r.item(), "review-record", e.getMessage(), e);
      }
    });
  }

  public static List<ReviewRecord> readAll(Path file) throws IOException {
    List<ReviewRecord> out = new ArrayList<>();
    read(file, out::add);
    return out;
  }

  static ReviewRecord parse(Path file, long line, JsonNode n) throws InputException {
    if (!n.isObject()) throw new InputException(file, line, 1, "review-record", "a line must be a JSON object");
    String verdict = required(file, line, n, "verdict");
    if (!verdict.equals("accept") && !verdict.equals("reject")) {
      throw new InputException(file, line, -1, "review-record", "verdict must be accept or reject, got '" + verdict + "'");
    }
    List<ReviewRecord.ErrorMark> errors = new ArrayList<>();
    JsonNode errs = n.get("errors");
    if (errs != null && !errs.isNull()) {
      if (!errs.isArray()) throw new InputException(file, line, -1, "review-record", "'errors' must be a list");
      for (JsonNode e : errs) {
        String code = e.path("code").asText(null);
        if (code == null) throw new InputException(file, line, -1, "review-record", "an error needs 'code'");
        try {
          errors.add(new ReviewRecord.ErrorMark(code, ErrorSeverity.parse(e.path("severity").asText("minor"))));
        } catch (IllegalArgumentException ex) {
          throw new InputException(file, line, -1, "review-record", ex.getMessage());
        }
      }
    }
    return new ReviewRecord(required(file, line, n, "item"), required(file, line, n, "worker"),
        n.path("reviewer").asText(null), required(file, line, n, "stage"), verdict, errors,
        n.path("lot").asText(null), n.path("lot_size").asLong(0), n.path("answer").asText(null));
  }

  private static String required(Path file, long line, JsonNode n, String key) throws InputException {
    JsonNode v = n.get(key);
    if (v == null || !v.isValueNode() || v.asText().isEmpty()) {
      throw new InputException(file, line, -1, "review-record", "missing '" + key + "'");
    }
    return v.asText();
  }
}
