package org.trainset.refine.textio;

import java.util.List;
import java.util.Map;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;

/**
 * How text datasets look as items: one item per sentence (or sentence pair) with no media and
 * exactly one annotation, a {@link TextPair} (source = Korean, target = English for the KO–EN
 * corpus family) or a {@link Caption} for monolingual text.
 */
public final class TextItems {
  public static final String LABEL = "text";

  private TextItems() {}

  public static Item pair(String id, String source, String target, String sourceLang, String targetLang) {
    return new Item(id, null, List.of(), Map.of(),
        List.of(new TextPair(AnnotationMeta.of(LABEL), source, target, sourceLang, targetLang)));
  }

  public static Item caption(String id, String text) {
    return new Item(id, null, List.of(), Map.of(), List.of(new Caption(AnnotationMeta.of(LABEL), text)));
  }

  /** The item's first text pair, or null. */
  public static TextPair firstPair(Item item) {
    for (Annotation a : item.annotations()) if (a instanceof TextPair p) return p;
    return null;
  }

  /** The item's first caption, or null. */
  public static Caption firstCaption(Item item) {
    for (Annotation a : item.annotations()) if (a instanceof Caption c) return c;
    return null;
  }
}
