package org.trainset.eval.coco;

/** What a COCO evaluation compares: boxes, segmentation masks or keypoints (OKS). */
public enum IouType {
  BBOX("bbox"), SEGM("segm"), KEYPOINTS("keypoints");

  private final String id;

  IouType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The type named {@code id} as pycocotools spells it. */
  public static IouType of(String id) {
    for (IouType t : values()) if (t.id.equals(id)) return t;
    throw new IllegalArgumentException("unknown iou type '" + id + "' (bbox, segm, keypoints)");
  }
}
