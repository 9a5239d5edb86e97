package org.trainset.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.media.MediaProbe;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.DicomReader;
import org.trainset.dicom.io.Tags;

/** Knows DICOM files (a .dcm name or the DICM magic): size and frames from the header only. */
public final class DicomMediaProbe implements MediaProbe {
  @Override public Optional<MediaRef> probe(Path file, String relativePath) throws IOException {
    boolean named = file.getFileName().toString().toLowerCase().endsWith(".dcm");
    if (!named) {
      try (InputStream in = Files.newInputStream(file)) {
        if (!DicomReader.hasPart10Magic(in.readNBytes(132))) return Optional.empty();
      }
    }
    DicomObject h = new DicomReader(DicomReader.Options.headerOnly()).read(file).dataset();
    Integer w = h.contains(Tags.COLUMNS) ? h.intValue(Tags.COLUMNS, 0) : null;
    Integer ht = h.contains(Tags.ROWS) ? h.intValue(Tags.ROWS, 0) : null;
    Map<String, Object> info = h.contains(Tags.NUMBER_OF_FRAMES)
        ? Map.of("frames", (long) h.intValue(Tags.NUMBER_OF_FRAMES, 1)) : Map.of();
    return Optional.of(new MediaRef(MediaKind.DICOM, relativePath, w, ht, info));
  }
}
