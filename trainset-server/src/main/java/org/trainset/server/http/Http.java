package org.trainset.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;

/** Request parsing and JSON rendering shared by the route groups. */
public final class Http {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  /** Largest JSON body accepted by JSON routes (annotation saves included). */
  public static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

  private Http() {}

  /**
   * A {@code Content-Disposition} that is never shown inline: an ASCII fallback name and the exact
   * name in UTF-8 (RFC 6266 / RFC 8187). The one place every download route builds it.
   */
  public static String attachment(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\"" + (ascii.isEmpty() ? "file" : ascii) + "\"; filename*=UTF-8''"
        + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** RFC 7240 {@code Prefer: respond-async}: the client would rather follow an operation than hold the request open. */
  public static boolean prefersAsync(Context ctx) {
    String prefer = ctx.header("Prefer");
    if (prefer == null) return false;
    for (String preference : prefer.split(",")) {
      if (preference.strip().split(";", 2)[0].strip().equalsIgnoreCase("respond-async")) return true;
    }
    return false;
  }

  /** 202 with the id of the operation that now does the work, the preference acknowledged. */
  public static void startedAsync(Context ctx, String operationId) {
    ctx.header("Preference-Applied", "respond-async");
    json(ctx, 202, object().put("operationId", operationId));
  }

  public static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void json(Context ctx, Object body) {
    json(ctx, 200, body);
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The request body as JSON: 400 naming the position when malformed, 415 when not JSON. */
  public static JsonNode body(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "unsupported_media_type", "body: expected application/json");
    }
    try {
      byte[] bytes = ctx.bodyInputStream().readNBytes(MAX_JSON_BYTES + 1);
      if (bytes.length > MAX_JSON_BYTES) throw ApiException.tooLarge("body: larger than " + MAX_JSON_BYTES + " bytes");
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || n.isMissingNode()) throw ApiException.badRequest("body: empty, expected a JSON document");
      return n;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body: malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("body: " + e.getMessage());
    }
  }

  /** The JSON object body. */
  public static JsonNode objectBody(Context ctx) {
    JsonNode n = body(ctx);
    if (!n.isObject()) throw ApiException.badRequest("body: expected a JSON object");
    return n;
  }

  /** A required string field of {@code n}. */
  public static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw ApiException.badRequest(field + ": required");
    if (!v.isTextual()) throw ApiException.badRequest(field + ": expected a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    if (v.asText().isBlank()) throw ApiException.badRequest(field + ": must not be empty");
    return v.asText();
  }

  /** An optional string field of {@code n}. */
  public static String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    return text(n, field);
  }

  /** A form or query parameter's value, or null when it is missing or blank (an empty form field gives nothing). */
  public static String blankToNull(String param) {
    return param == null || param.isBlank() ? null : param;
  }

  /** An integer query parameter within [min, max]. */
  public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) return fallback;
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) throw ApiException.badRequest(name + ": must be between " + min + " and " + max);
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + ": expected an integer, got '" + v + "'");
    }
  }

  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(AuthFilter.PRINCIPAL);
    if (p == null) throw ApiException.unauthorized("sign in first");
    return p;
  }
}
