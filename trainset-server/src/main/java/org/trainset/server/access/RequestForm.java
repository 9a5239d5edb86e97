package org.trainset.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trainset.server.ApiException;

/**
 * The request form of a gated dataset as its managers define it: fields of type text, checkbox,
 * date, country (ISO 3166-1 alpha-2) or select, each optionally required, and whether a document
 * (PDF) must be attached. {@link #validate} checks an applicant's answers on the server.
 */
public record RequestForm(List<Field> fields, boolean documentRequired) {
  public static final RequestForm EMPTY = new RequestForm(List.of(), false);
  private static final Set<String> TYPES = Set.of("text", "checkbox", "date", "country", "select");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final int MAX_TEXT = 4000;

  /** One field; {@code options} only for select. */
  public record Field(String name, String label, String type, boolean required, List<String> options) {}

  public RequestForm {
    fields = List.copyOf(fields);
  }

  /** Parses a manager's form definition ({@code {"fields": [...], "documentRequired": bool}}), naming the bad field. */
  public static RequestForm parse(JsonNode form) {
    if (form == null || form.isNull()) return EMPTY;
    if (!form.isObject()) throw ApiException.badRequest("form: expected an object");
    JsonNode list = form.path("fields");
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (!list.isMissingNode() && !list.isArray()) throw ApiException.badRequest("form.fields: expected an array");
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      String at = "form.fields[" + i + "]";
      String name = f.path("name").asText("");
      if (!name.matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")) throw ApiException.badRequest(at + ".name: 1-40 letters, digits or '_', starting with a letter");
      if (!names.add(name)) throw ApiException.badRequest(at + ".name: '" + name + "' used twice");
      String type = f.path("type").asText("");
      if (!TYPES.contains(type)) throw ApiException.badRequest(at + ".type: expected text, checkbox, date, country or select, got '" + type + "'");
      List<String> options = new ArrayList<>();
      f.path("options").forEach(o -> options.add(o.asText()));
      if (type.equals("select") && options.isEmpty()) throw ApiException.badRequest(at + ".options: a select needs at least one option");
      String label = f.path("label").asText(name);
      fields.add(new Field(name, label, type, f.path("required").asBoolean(false), options));
    }
    return new RequestForm(fields, form.path("documentRequired").asBoolean(false));
  }

  /** Checks answers against the form; the first error names the field and the rule. Unknown answers are refused. */
  public ObjectNode validate(JsonNode answers) {
    if (answers == null || answers.isNull()) answers = JsonNodeFactory.instance.objectNode();
    if (!answers.isObject()) throw ApiException.badRequest("answers: expected an object");
    ObjectNode clean = JsonNodeFactory.instance.objectNode();
    Set<String> known = new HashSet<>();
    for (Field f : fields) {
      known.add(f.name());
      String at = "answers." + f.name();
      JsonNode v = answers.get(f.name());
      boolean empty = v == null || v.isNull() || v.isTextual() && v.asText().isBlank();
      if (empty) {
        if (f.required()) throw ApiException.badRequest(at + ": required");
        continue;
      }
      switch (f.type()) {
        case "checkbox" -> {
          if (!v.isBoolean()) throw ApiException.badRequest(at + ": expected true or false");
          if (f.required() && !v.asBoolean()) throw ApiException.badRequest(at + ": must be checked");
          clean.put(f.name(), v.asBoolean());
        }
        case "date" -> {
          try {
            clean.put(f.name(), LocalDate.parse(textOf(v, at)).toString());
          } catch (DateTimeParseException e) {
            throw ApiException.badRequest(at + ": expected a date YYYY-MM-DD, got '" + v.asText() + "'");
          }
        }
        case "country" -> {
          String code = textOf(v, at).toUpperCase(Locale.ROOT);
          if (!COUNTRIES.contains(code)) throw ApiException.badRequest(at + ": expected an ISO 3166-1 alpha-2 country code, got '" + v.asText() + "'");
          clean.put(f.name(), code);
        }
        case "select" -> {
          String s = textOf(v, at);
          if (!f.options().contains(s)) throw ApiException.badRequest(at + ": expected one of " + f.options() + ", got '" + s + "'");
          clean.put(f.name(), s);
        }
        default -> {
          String s = textOf(v, at);
          if (s.length() > MAX_TEXT) throw ApiException.badRequest(at + ": longer than " + MAX_TEXT + " characters");
          clean.put(f.name(), s);
        }
      }
    }
    answers.fieldNames().forEachRemaining(n -> {
      if (!known.contains(n)) throw ApiException.badRequest("answers." + n + ": not a field of this dataset's form");
    });
    return clean;
  }

  private static String textOf(JsonNode v, String at) {
    if (!v.isTextual()) throw ApiException.badRequest(at + ": expected a string");
    return v.asText();
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode arr = o.putArray("fields");
    for (Field f : fields) {
      ObjectNode n = arr.addObject().put("name", f.name()).put("label", f.label()).put("type", f.type()).put("required", f.required());
      if (!f.options().isEmpty()) f.options().forEach(n.putArray("options")::add);
    }
    o.put("documentRequired", documentRequired);
    return o;
  }
}
