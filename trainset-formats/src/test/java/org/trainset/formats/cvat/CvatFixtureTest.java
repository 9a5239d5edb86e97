package org.trainset.formats.cvat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Track;
import org.trainset.testkit.FormatContract;

/** Shared helpers for the CVAT contract tests (one subclass per real fixture). */
abstract class CvatFixtureTest extends FormatContract {
  @Override protected String formatId() { return "cvat"; }

  List<Item> items() throws IOException {
    return readAll(sample());
  }

  Item item(String id) throws IOException {
    return items().stream().filter(i -> i.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + id));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> cvatMeta() throws IOException {
    return (Map<String, Object>) plan(sample()).schema().metadata().get("cvat");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> container() throws IOException {
    Map<String, Object> cvat = cvatMeta();
    return (Map<String, Object>) ((Map<String, Object>) cvat.get("meta")).get(cvat.get("container"));
  }

  static List<Track> tracks(Item item) {
    return item.annotations().stream().filter(a -> a instanceof Track).map(a -> (Track) a).toList();
  }

  @SuppressWarnings("unchecked")
  static <T extends Annotation> List<T> ofType(Item item, Class<T> type) {
    return item.annotations().stream().filter(type::isInstance).map(a -> (T) a).toList();
  }
}
