package org.trainset.server.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trainset.core.io.InputException;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.validate.DatasetValidator;
import org.trainset.inspect.rules.Inspector;
import org.trainset.inspect.rules.RulePack;
import org.trainset.server.http.Http;
import org.trainset.server.item.AutoFill;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.StoredItem;
import org.trainset.server.project.Project;
import org.trainset.server.project.ProjectAnalysis;

/**
 * The live guideline check of one item while people annotate: the format checks every dataset
 * must pass ({@link DatasetValidator}, as {@code trainset validate}) and the item rules of the
 * project's rule pack ({@link Inspector#checkItem}, the engine {@code trainset inspect} runs), over
 * the item as saved or over a draft of its annotations. Dataset-level rules (shares, totals) need
 * the whole dataset and are left to the project's findings.
 */
public final class Checks {
  /** One finding; {@code annotation}/{@code related} index the checked annotation list. */
  public record Finding(String rule, Severity severity, String message, Integer annotation, Integer related, Object value) {
    public ObjectNode toJson() {
      ObjectNode n = Http.object().put("rule", rule).put("severity", severity.key()).put("message", message);
      if (annotation != null) n.put("annotation", annotation);
      if (related != null) n.put("related", related);
      if (value != null) n.set("value", ResultJson.value(value));
      return n;
    }
  }

  /** What a check found, against which version, with which pack, in how long. */
  public record Result(int version, String pack, double millis, List<Finding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
      return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public ObjectNode toJson() {
      ObjectNode n = Http.object().put("version", version).put("pack", pack).put("millis", millis);
      ArrayNode arr = n.putArray("findings");
      findings.forEach(f -> arr.add(f.toJson()));
      return n;
    }
  }

  /** Inspectors by pack choice (packs are parsed once, not on every keystroke). */
  private final Map<String, Optional<Inspector>> inspectors = new ConcurrentHashMap<>();
  private final AutoFill autoFill;

  public Checks(AutoFill autoFill) {
    this.autoFill = autoFill;
  }

  /** Checks {@code annotations} as the item's annotations, or the item as saved when null. */
  public Result check(Project project, StoredItem stored, List<Annotation> annotations) {
    long start = System.nanoTime();
    Item saved;
    try {
      saved = ItemCodec.item(stored.body(), annotations == null ? stored.annotations() : "[]");
    } catch (IOException e) {
      throw new UncheckedIOException("stored item " + stored.id() + " is not JSON", e);
    }
    // the item's name is its id in the dataset, as findings of `trainset inspect` name it
    // a draft is checked as it would be saved: automatic attributes filled from the media
    Item item = new Item(stored.name(), saved.subset(), saved.media(), saved.attributes(),
        annotations == null ? saved.annotations() : autoFill.apply(project, stored, annotations));
    List<Issue> issues = new ArrayList<>();
    try {
      new DatasetValidator(schema(project), issues::add).check(item);
    } catch (InputException e) {
      issues.add(Issue.error("invalid-item", e.getMessage()));
    }
    Optional<Inspector> inspector = inspector(project);
    inspector.ifPresent(i -> issues.addAll(i.checkItem(item)));
    Map<String, Integer> byId = new HashMap<>();
    List<Annotation> anns = item.annotations();
    for (int i = 0; i < anns.size(); i++) {
      if (anns.get(i).meta().id() != null) byId.putIfAbsent(anns.get(i).meta().id(), i);
    }
    List<Finding> out = new ArrayList<>();
    for (Issue is : issues) {
      out.add(new Finding(is.rule(), is.severity(), is.message(), index(is.annotation(), byId, anns.size()),
          index(is.related(), byId, anns.size()), is.value()));
    }
    double millis = (System.nanoTime() - start) / 1e6;
    return new Result(stored.version(), inspector.map(i -> i.pack().id()).orElse(null), millis, out);
  }

  /** The index of an issue's annotation key: {@code #3}, an annotation id, either with {@code @frame}. */
  static Integer index(String key, Map<String, Integer> byId, int size) {
    if (key == null) return null;
    String k = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
    Integer byKey = byId.get(k);
    if (byKey != null) return byKey;
    if (k.startsWith("#")) {
      try {
        int i = Integer.parseInt(k.substring(1));
        return i >= 0 && i < size ? i : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private Optional<Inspector> inspector(Project p) {
    String key = p.rulePack() + "|" + p.family() + "|" + p.format();
    return inspectors.computeIfAbsent(key, k -> {
      try {
        Optional<RulePack> pack = ProjectAnalysis.packOf(p);
        return pack.map(Inspector::new);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private DatasetSchema schema(Project p) {
    return autoFill.schema(p);
  }

}
