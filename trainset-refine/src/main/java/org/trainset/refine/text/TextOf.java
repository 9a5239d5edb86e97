package org.trainset.refine.text;

import org.trainset.core.model.Annotation;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;

/** The text an item contributes to text refinement: its first {@link TextPair}, else its first {@link Caption}. */
public final class TextOf {
  private TextOf() {}

  /** [source, target] of the item's first text pair, [text, null] of its first caption, or null. */
  public static String[] sides(Item item) {
    Caption caption = null;
    for (Annotation a : item.annotations()) {
      if (a instanceof TextPair p) return new String[] {nz(p.source()), nz(p.target())};
      if (caption == null && a instanceof Caption c) caption = c;
    }
    return caption == null ? null : new String[] {nz(caption.text()), null};
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
