package org.trainset.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.trainset.server.ApiException;

/**
 * How a manager splits a project into jobs. Errors name the request field.
 *
 * @param size          items per job, or null for one job of every remaining item
 * @param bySubset      cut each subset (folder) on its own
 * @param aspects       one job set per aspect over the same items (empty: one set, no aspect)
 * @param qualification what an assignee must hold, or null
 * @param frameRate     video items are sampled into frames at this rate (per second), or null
 * @param kind          {@code annotate}, {@code deid} or {@code dedup}
 */
public record JobRequest(Integer size, boolean bySubset, List<String> aspects, String qualification, Double frameRate,
                         String kind) {
  public static final int MAX_FRAME_RATE = 120;

  public JobRequest {
    aspects = List.copyOf(aspects);
  }

  public static JobRequest of(JsonNode body) {
    Integer size = null;
    JsonNode s = body.get("size");
    if (s != null && !s.isNull()) {
      if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 1) throw ApiException.badRequest("size: expected a whole number >= 1");
      size = s.asInt();
    }
    JsonNode b = body.get("bySubset");
    if (b != null && !b.isNull() && !b.isBoolean()) throw ApiException.badRequest("bySubset: expected true or false");
    List<String> aspects = new ArrayList<>();
    JsonNode a = body.get("aspects");
    if (a != null && !a.isNull()) {
      if (!a.isArray()) throw ApiException.badRequest("aspects: expected an array of names");
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < a.size(); i++) {
        JsonNode n = a.get(i);
        if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 64) {
          throw ApiException.badRequest("aspects[" + i + "]: expected a name of 1-64 characters");
        }
        if (!seen.add(n.asText().strip())) throw ApiException.badRequest("aspects[" + i + "]: '" + n.asText() + "' is listed twice");
      }
      aspects.addAll(seen);
    }
    String qualification = text(body, "qualification");
    Double rate = null;
    JsonNode r = body.get("frameRate");
    if (r != null && !r.isNull()) {
      if (!r.isNumber() || r.asDouble() <= 0 || r.asDouble() > MAX_FRAME_RATE) {
        throw ApiException.badRequest("frameRate: expected frames per second, more than 0 and at most " + MAX_FRAME_RATE);
      }
      rate = r.asDouble();
    }
    String kind = text(body, "kind");
    if (kind == null) kind = Job.ANNOTATE;
    if (!kind.equals(Job.ANNOTATE) && !kind.equals(Job.DEID) && !kind.equals(Job.DEDUP)) {
      throw ApiException.badRequest("kind: annotate, deid or dedup, got '" + kind + "'");
    }
    if (!kind.equals(Job.ANNOTATE) && !aspects.isEmpty()) throw ApiException.badRequest("aspects: a " + kind + " job has no aspects");
    return new JobRequest(size, b != null && b.asBoolean(), aspects, qualification, rate, kind);
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual() || n.asText().isBlank()) throw ApiException.badRequest(field + ": expected a non-empty string");
    return n.asText().strip();
  }
}
