package org.trainset.core.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;

/**
 * Whether the media files items refer to exist, relative to the dataset's media root. Keeps a
 * count and the first {@link #EXAMPLES} missing paths only, so a dataset whose million images
 * are all elsewhere costs a counter, not a list. URLs are not checked.
 */
public final class MediaCheck {
  /** Missing paths kept as examples. */
  public static final int EXAMPLES = 5;

  private final Path root;
  private long checked;
  private long missing;
  private final List<String> examples = new ArrayList<>();

  public MediaCheck(Path mediaRoot) {
    this.root = mediaRoot;
  }

  public void check(Item item) {
    for (MediaRef m : item.media()) {
      if (m.path().contains("://")) continue;
      checked++;
      if (!exists(m.path())) {
        missing++;
        if (examples.size() < EXAMPLES) examples.add(m.path());
      }
    }
  }

  private boolean exists(String path) {
    try {
      Path p = Path.of(path);
      return Files.exists(p.isAbsolute() ? p : root.resolve(p).normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }

  public Summary summary() {
    return new Summary(checked, missing, examples);
  }

  /**
   * @param checked  media references checked
   * @param missing  how many of them name no existing file
   * @param examples the first few missing paths, as the items give them
   */
  public record Summary(long checked, long missing, List<String> examples) {
    public Summary {
      examples = List.copyOf(examples);
    }

    /** One line for the problem list: the count and the first few paths. */
    public String message(Path root) {
      return missing + " of " + checked + " media files do not exist under " + root + ", e.g. "
          + String.join(", ", examples) + (missing > examples.size() ? ", …" : "");
    }

    /** {@code {"checked", "missing", "examples": [...]}}. */
    public ObjectNode toJson() {
      ObjectNode n = ResultJson.object();
      n.put("checked", checked).put("missing", missing);
      var arr = n.putArray("examples");
      examples.forEach(arr::add);
      return n;
    }
  }
}
