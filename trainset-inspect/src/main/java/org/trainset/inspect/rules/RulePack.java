package org.trainset.inspect.rules;

import java.io.Serializable;
import java.util.List;

/**
 * A named set of rules (a family's guidelines, a project's house rules).
 *
 * @param id          the pack's name ({@code aihub.sidewalk} for built-ins)
 * @param description one line about what it checks
 * @param rules       the rules with their {@code when:} filters, in pack order
 */
public record RulePack(String id, String description, List<Entry> rules, PackVocabulary vocabulary)
    implements Serializable {
  public RulePack {
    rules = List.copyOf(rules);
    if (vocabulary == null) vocabulary = PackVocabulary.NONE;
  }

  /** A pack whose rules name no labels or attributes (so it recognises any data). */
  public RulePack(String id, String description, List<Entry> rules) {
    this(id, description, rules, PackVocabulary.NONE);
  }

  /** One rule and the items it applies to. */
  public record Entry(Rule rule, ItemFilter when) implements Serializable { }
}
