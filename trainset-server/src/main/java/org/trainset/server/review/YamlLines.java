package org.trainset.server.review;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a field of a YAML document is: the 1-based line of the node at a path such as
 * {@code stages, 1, sampling}. Jackson's tree keeps no positions, so errors found after parsing
 * look the field up in SnakeYAML's node graph (composed only: no objects are constructed).
 */
final class YamlLines {
  private final Node root;

  private YamlLines(Node root) {
    this.root = root;
  }

  static YamlLines of(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(0);
    Node n;
    try {
      n = new Yaml(options).compose(new StringReader(yaml));
    } catch (RuntimeException e) {
      n = null; // syntax errors are reported by the parser with their own position
    }
    return new YamlLines(n);
  }

  /** The line of the node at {@code path} (map keys as strings, list indices as integers), or the deepest found. */
  int line(List<Object> path) {
    Node n = root;
    int line = n == null ? 1 : n.getStartMark().getLine() + 1;
    for (Object step : path) {
      Node next = null;
      if (n instanceof MappingNode m && step instanceof String key) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
            next = t.getValueNode();
            line = t.getKeyNode().getStartMark().getLine() + 1;
            break;
          }
        }
      } else if (n instanceof SequenceNode s && step instanceof Integer i && i < s.getValue().size()) {
        next = s.getValue().get(i);
        line = next.getStartMark().getLine() + 1;
      }
      if (next == null) return line;
      n = next;
    }
    return line;
  }
}
