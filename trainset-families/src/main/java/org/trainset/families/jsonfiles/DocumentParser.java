package org.trainset.families.jsonfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ReadOptions;

/** Turns one family document into an item; serialisable so a part can travel to a worker. */
@FunctionalInterface
public interface DocumentParser extends Serializable {
  /**
   * @param root the dataset root (item ids and media paths are relative to it)
   * @param file the document
   * @param doc  its parsed tree
   */
  Item parse(Path root, Path file, JsonNode doc, ReadOptions options) throws IOException;
}
