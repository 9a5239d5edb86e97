package org.trainset.refine.deid;

import java.util.List;

/**
 * What happened to one image.
 *
 * @param item    item id
 * @param source  the original file (never modified)
 * @param output  the image's path inside the output dataset
 * @param changed false when no region was found (the original bytes are copied)
 * @param regions regions de-identified, each naming its detector
 * @param vetoed  detections dropped because the region list marked them as false hits
 */
public record ImageLog(String item, String source, String output, boolean changed, List<Region> regions,
                       List<Region> vetoed) {}
