package org.trainset.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.server.ApiException;
import org.trainset.server.http.Http;

/**
 * A manager's request to freeze a project into {@code dataset vVERSION}; bad fields are named.
 *
 * @param licences source → licence term (news outlets, licensed images)
 * @param consents subject (or item) id → consent form id
 * @param achieved quality metrics measured elsewhere (e.g. the validation model's ROC AUC)
 */
public record ReleaseRequest(String dataset, String version, List<String> formats, int sampleSize, long seed,
                             double sampleTolerance, String title, String description, String licence, String citation,
                             Map<String, ReleaseRights.LicenceTerm> licences, Map<String, String> consents,
                             Map<String, Double> achieved) {
  public static final int DEFAULT_SAMPLE = 100;
  public static final double DEFAULT_TOLERANCE = 0.05;

  public static ReleaseRequest fromJson(JsonNode b) {
    List<String> formats = new ArrayList<>();
    JsonNode f = b.get("formats");
    if (f != null && !f.isNull()) {
      if (!f.isArray()) throw ApiException.badRequest("formats: expected an array of format ids");
      for (int i = 0; i < f.size(); i++) {
        if (!f.get(i).isTextual()) throw ApiException.badRequest("formats[" + i + "]: expected a format id");
        formats.add(f.get(i).asText());
      }
    }
    int size = DEFAULT_SAMPLE;
    long seed = 0;
    double tolerance = DEFAULT_TOLERANCE;
    JsonNode s = b.get("sample");
    if (s != null && !s.isNull()) {
      if (!s.isObject()) throw ApiException.badRequest("sample: expected {size, seed, tolerance}");
      if (s.has("size")) {
        if (!s.get("size").canConvertToInt() || s.get("size").asInt() < 0 || s.get("size").asInt() > 100_000) {
          throw ApiException.badRequest("sample.size: an integer from 0 to 100000");
        }
        size = s.get("size").asInt();
      }
      if (s.has("seed")) {
        if (!s.get("seed").canConvertToLong()) throw ApiException.badRequest("sample.seed: an integer");
        seed = s.get("seed").asLong();
      }
      if (s.has("tolerance")) {
        if (!s.get("tolerance").isNumber() || s.get("tolerance").asDouble() < 0 || s.get("tolerance").asDouble() > 1) {
          throw ApiException.badRequest("sample.tolerance: a number from 0 to 1");
        }
        tolerance = s.get("tolerance").asDouble();
      }
    }
    Map<String, ReleaseRights.LicenceTerm> licences = new TreeMap<>();
    JsonNode l = b.get("licences");
    if (l != null && !l.isNull()) {
      if (!l.isObject()) throw ApiException.badRequest("licences: expected {source: {terms, expires}}");
      for (var it = l.fields(); it.hasNext(); ) {
        var e = it.next();
        String field = "licences." + e.getKey();
        if (!e.getValue().isObject()) throw ApiException.badRequest(field + ": expected {terms, expires}");
        LocalDate expires = null;
        if (e.getValue().hasNonNull("expires")) {
          try {
            expires = ReleaseRights.date(e.getValue().get("expires").asText(), field + ".expires");
          } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(ex.getMessage());
          }
        }
        licences.put(e.getKey(), new ReleaseRights.LicenceTerm(Http.optionalText(e.getValue(), "terms"), expires));
      }
    }
    Map<String, String> consents = new TreeMap<>();
    JsonNode c = b.get("consents");
    if (c != null && !c.isNull()) {
      if (!c.isObject()) throw ApiException.badRequest("consents: expected {subject: consent form id}");
      c.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          throw ApiException.badRequest("consents." + e.getKey() + ": expected the consent form's id");
        }
        consents.put(e.getKey(), e.getValue().asText());
      });
    }
    Map<String, Double> achieved = new TreeMap<>();
    JsonNode q = b.path("quality").path("achieved");
    if (!q.isMissingNode() && !q.isNull()) {
      if (!q.isObject()) throw ApiException.badRequest("quality.achieved: expected {metric: number}");
      q.fields().forEachRemaining(e -> {
        if (!e.getValue().isNumber()) throw ApiException.badRequest("quality.achieved." + e.getKey() + ": expected a number");
        achieved.put(e.getKey(), e.getValue().asDouble());
      });
    }
    return new ReleaseRequest(Http.text(b, "dataset"), Http.text(b, "version"), formats, size, seed, tolerance,
        Http.optionalText(b, "title"), Http.optionalText(b, "description"), Http.optionalText(b, "licence"),
        Http.optionalText(b, "citation"), licences, consents, achieved);
  }
}
