package org.trainset.refine.images;

import java.util.List;

/**
 * A group of duplicate images; the first member is the one kept (lowest id).
 *
 * @param members kept image first, then the removed ones in id order
 */
public record ImageCluster(List<Member> members) {
  /**
   * @param index     input item index
   * @param id        item id
   * @param file      the image file
   * @param rule      {@code keep}, {@code exact} (same bytes as the kept image) or {@code near}
   * @param phashDistance pHash Hamming distance to the kept image
   * @param dhashDistance dHash Hamming distance to the kept image
   * @param labels    the item's labels (what --per-label grouped on)
   */
  public record Member(int index, String id, String file, String rule, int phashDistance, int dhashDistance,
                       List<String> labels) {}
}
