package org.trainset.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.io.InputException;
import org.trainset.core.io.JsonLines;
import org.trainset.core.io.ParseLimits;
import org.trainset.inspect.mqm.MqmConfig;
import org.trainset.inspect.mqm.MqmScorer;
import org.trainset.inspect.review.ErrorSeverity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mqm", mixinStandardHelpOptions = true,
    description = {"MQM translation quality from evaluated segments (JSONL: doc, segment, translator, words or",
        "source, errors [{code: ACm|ACo|ACme|FLg|FLa|FLme, severity}]): segment, document and translator scores",
        "and the translators' quality index. Exit 1 when a document fails the pass threshold."})
public final class QaMqmVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "SEGMENTS") Path segments;
  @Option(names = "--config", paramLabel = "FILE", description = "Weights, reference words, pass threshold (YAML/JSON).")
  Path configFile;

  @Override public Class<?> group() {
    return QaGroup.class;
  }

  @Override public Integer call() throws Exception {
    MqmConfig config = configFile == null ? MqmConfig.aihubCorpus() : MqmConfig.read(configFile);
    MqmScorer scorer = new MqmScorer(config);
    JsonLines.forEach(segments, ParseLimits.DEFAULT, (line, n) -> {
      try {
        scorer.add(segment(n));
      } catch (IllegalArgumentException e) {
        throw new InputException(segments, line, -1, null, "mqm-segment", e.getMessage(), e);
      }
    });
    List<MqmScorer.Score> docs = scorer.documentScores();
    var out = spec.commandLine().getOut();
    if (output.json) {
      ObjectNode root = Json.object();
      root.put("segments", scorer.segments()).put("referenceWords", config.referenceWords()).put("passThreshold", config.passThreshold());
      root.set("errorsByCategory", Json.fromMap(scorer.errorsByCategory()));
      var d = root.putArray("documents");
      for (var sc : docs) d.addObject().put("document", sc.key()).put("words", sc.words()).put("penalty", sc.penalty())
          .put("score", sc.score()).put("pass", sc.pass());
      var t = root.putArray("translators");
      for (var sc : scorer.translatorScores()) {
        var w = scorer.quality().workers().get(sc.key());
        t.addObject().put("translator", sc.key()).put("words", sc.words()).put("score", sc.score()).put("pass", sc.pass())
            .put("qualityIndex", QaScoreVerb.num(w.qualityIndex())).put("mode", w.mode().name().toLowerCase());
      }
      out.println(Json.write(root));
    } else {
      for (var sc : docs) out.printf("document %s: %d words, penalty %.1f, MQM %.2f %s%n", sc.key(), sc.words(),
          sc.penalty(), sc.score(), sc.pass() ? "pass" : "FAIL");
      for (var sc : scorer.translatorScores()) {
        var w = scorer.quality().workers().get(sc.key());
        out.printf("translator %s: %d words, MQM %.2f, quality index %.1f, %s%n", sc.key(), sc.words(), sc.score(),
            w.qualityIndex(), w.mode() == org.trainset.inspect.review.QualityTracker.Mode.FULL ? "FULL RE-INSPECTION" : "sampled");
      }
    }
    return docs.stream().anyMatch(sc -> !sc.pass()) ? 1 : 0;
  }

  private static MqmScorer.Segment segment(JsonNode n) {
    long words = n.has("words") ? n.get("words").asLong()
        : n.has("source") ? n.get("source").asText().strip().split("\\s+").length : 0;
    List<MqmScorer.Error> errors = new ArrayList<>();
    for (JsonNode e : n.path("errors")) {
      errors.add(new MqmScorer.Error(e.path("code").asText(), ErrorSeverity.parse(e.path("severity").asText("minor"))));
    }
    return new MqmScorer.Segment(n.path("doc").asText(""), n.path("segment").asText(""),
        n.path("translator").asText(""), words, errors);
  }
}
