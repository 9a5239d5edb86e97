package org.trainset.inspect.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.JsonLines;
import org.trainset.core.io.ParseLimits;

/**
 * Gold (honeypot) items with their known answers, slipped into workers' queues: a worker's answer
 * on a gold item is scored against the known one. JSONL: {@code {"item": "g-1", "answer": "car"}}.
 */
public final class GoldSet {
  private final Map<String, String> answers;

  public GoldSet(Map<String, String> answers) {
    this.answers = Map.copyOf(answers);
  }

  public static GoldSet none() {
    return new GoldSet(Map.of());
  }

  public static GoldSet read(Path file) throws IOException {
    Map<String, String> answers = new HashMap<>();
    JsonLines.forEach(file, ParseLimits.DEFAULT, (line, n) -> {
      if (!n.hasNonNull("item") || !n.hasNonNull("answer")) {
        throw new InputException(file, line, -1, "gold", "a gold line needs 'item' and 'answer'");
      }
      answers.put(n.get("item").asText(), n.get("answer").asText());
    });
    return new GoldSet(answers);
  }

  public boolean isGold(String item) {
    return answers.containsKey(item);
  }

  /** True when {@code answer} is the known answer of gold item {@code item}. */
  public boolean correct(String item, String answer) {
    return answers.get(item).equals(answer);
  }

  public int size() {
    return answers.size();
  }
}
